using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Practitioners;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Push.Escalation;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Push;

/// <summary>Escalation of unacknowledged high-priority items, on a real case-record database, with the clock in the test's hands.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private static readonly TimeSpan EscalateAfter = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        var database = await (await TestServers.GetAsync()).CreateDatabaseAsync("escalation");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddDbContext<CaseRecordDbContext>(o => o.UseNpgsql(database, n => n.MigrationsHistoryTable("__ef_migrations_history", MessageStoreModel.Schema)))
            .AddAuditLog<CaseRecordDbContext>()
            .AddSingleton<InboxSignals>()
            .AddSingleton<InboxCommitInterceptor>()
            .AddScoped<PushRouter>()
            .AddScoped<EscalationSweep>();
        services.Configure<PushOptions>(o => o.EscalateAfter = EscalateAfter);
        _services = services.BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        await db.Database.MigrateAsync();
        _person = new Person
        {
            Id = Guid.CreateVersion7(), NomsNumber = "A7777ZZ", GivenName = "Test", FamilyName = "Escalation", RegisteredAt = _clock.GetUtcNow(),
            Flags = new PersonFlags { MappaNominal = true },
            Responsibilities = new Responsibilities { EstablishmentCode = "EXI", PoliceForce = "devon-cornwall" },
        };
        db.People.Add(_person);
        db.Practitioners.AddRange(
            Practitioner("sec.exeter", HubRoles.PrisonSecurity, establishment: "EXI"),
            Practitioner("omu.exeter", HubRoles.OffenderSupervisor, establishment: "EXI"),
            Practitioner("duty.exeter", HubRoles.PrisonSecurity, establishment: "EXI", duty: true),
            Practitioner("duty.dartmoor", HubRoles.PrisonSecurity, establishment: "DWI", duty: true),
            Practitioner("police.devon", HubRoles.Police, force: "devon-cornwall"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_arrival_nobody_acknowledges_escalates_once_to_the_duty_officer_of_the_same_prison()
    {
        var arrival = await RecordAsync("arrival-1", InformationClass.ArrivalScreening, Priority.High);
        await AcknowledgeAsync("sec.exeter", arrival);

        _clock.Advance(EscalateAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await SweepAsync());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await SweepAsync()); // the OMU's and the duty officer's own copies; security acknowledged theirs
        Assert.Equal(0, await SweepAsync());

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        var escalations = await db.Inbox.Include(i => i.Entry).Where(i => i.Reason == DeliveryReason.Escalation).ToListAsync();
        var escalation = Assert.Single(escalations);
        Assert.Equal("duty.exeter", escalation.UserName);
        Assert.Equal(Priority.High, escalation.Priority);
        Assert.Null(escalation.EscalateAt); // an escalation does not escalate again
        Assert.Contains("duty.exeter, omu.exeter", escalation.Entry!.Summary);
        Assert.Equal(_clock.GetUtcNow(), escalation.DeliveredAt);
        Assert.All(await db.Inbox.Where(i => i.TimelineEntryId == arrival && i.UserName != "sec.exeter").ToListAsync(),
            i => Assert.Equal(_clock.GetUtcNow(), i.EscalatedAt));
        Assert.Null((await db.Inbox.SingleAsync(i => i.TimelineEntryId == arrival && i.UserName == "sec.exeter")).EscalatedAt);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditAction.Disclosure && a.Recipients.Contains("duty.exeter")));
    }

    [Fact]
    public async Task A_backlog_is_swept_one_entry_at_a_time_the_oldest_first()
    {
        var older = await RecordAsync("arrival-older", InformationClass.ArrivalScreening, Priority.High);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await RecordAsync("arrival-newer", InformationClass.ArrivalScreening, Priority.High);
        _clock.Advance(EscalateAfter);

        var first = await SweepAsync();
        Assert.True(first > 0);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
            Assert.Equal(first, await db.Inbox.CountAsync(i => i.TimelineEntryId == older && i.EscalatedAt != null));
            Assert.False(await db.Inbox.AnyAsync(i => i.TimelineEntryId == newer && i.EscalatedAt != null));
        }

        Assert.True(await SweepAsync() > 0);
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task Normal_priority_and_acknowledged_items_never_escalate()
    {
        var normal = await RecordAsync("movement-1", InformationClass.IdentityAndLocation, Priority.Normal);
        var alert = await RecordAsync("alert-1", InformationClass.TelephoneMonitoringAlert, Priority.High);
        foreach (var user in new[] { "sec.exeter", "omu.exeter", "duty.exeter", "police.devon" }) await AcknowledgeAsync(user, alert);

        _clock.Advance(EscalateAfter * 4);

        Assert.Equal(0, await SweepAsync());
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        Assert.False(await db.Inbox.AnyAsync(i => i.Reason == DeliveryReason.Escalation));
        Assert.Equal(4, await db.Inbox.CountAsync(i => i.TimelineEntryId == normal && i.EscalateAt == null));
    }

    private async Task<long> RecordAsync(string reference, InformationClass information, Priority priority)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var person = await db.People.SingleAsync(p => p.Id == _person.Id);
        var entry = await scope.ServiceProvider.GetRequiredService<PushRouter>().RecordAsync(person, new TimelineEntry
        {
            Source = "test", EventType = "test", InformationClass = information, Classification = Classification.OfficialSensitive,
            Priority = priority, Summary = $"Test entry {reference}", OccurredAt = _clock.GetUtcNow(), SourceReference = $"test:{reference}",
        });
        await transaction.CommitAsync();
        return entry!.Id;
    }

    private async Task AcknowledgeAsync(string userName, long entryId)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        var item = await db.Inbox.SingleAsync(i => i.UserName == userName && i.TimelineEntryId == entryId);
        item.State = InboxItemState.Acknowledged;
        item.AcknowledgedAt = _clock.GetUtcNow();
        item.AcknowledgedBy = userName;
        await db.SaveChangesAsync();
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunOnceAsync(CancellationToken.None);
    }

    private static Practitioner Practitioner(string userName, string role, string? establishment = null, string? force = null, bool duty = false) => new()
    {
        UserName = userName, DisplayName = userName, Role = role, Establishment = establishment, Force = force, Duty = duty,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };
}
