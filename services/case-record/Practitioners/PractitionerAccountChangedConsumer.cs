using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.Contracts.Identity;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Practitioners;

/// <summary>
/// Keeps the practitioner directory. Each event carries the account's whole state, so the newest wins:
/// one no newer than what is held (a redelivery, a directory snapshot overtaken by a change) changes nothing.
/// </summary>
public sealed class PractitionerAccountChangedConsumer(CaseRecordDbContext db) : IConsumer<PractitionerAccountChanged>
{
    public async Task Consume(ConsumeContext<PractitionerAccountChanged> context)
    {
        var change = context.Message;
        // PostgreSQL keeps microseconds: compare with the time as it will be read back.
        var at = change.OccurredAt.AddTicks(-(change.OccurredAt.Ticks % 10));
        var current = await db.Practitioners.SingleOrDefaultAsync(p => p.UserName == change.UserName, context.CancellationToken);
        if (current is not null && current.ChangedAt >= at) return;

        if (current is null)
        {
            current = new Practitioner { UserName = change.UserName, DisplayName = change.DisplayName, Role = change.Role };
            db.Practitioners.Add(current);
        }

        string? Claim(string type) => change.ScopeClaims.GetValueOrDefault(type);
        current.DisplayName = change.DisplayName;
        current.Role = change.Role;
        current.Establishment = Claim(HubClaims.Establishment);
        current.Force = Claim(HubClaims.Force);
        current.VictimLiaisonUnit = Claim(HubClaims.VictimLiaisonUnit);
        current.MappaArea = Claim(HubClaims.MappaArea);
        current.ProbationDeliveryUnit = Claim(HubClaims.ProbationDeliveryUnit);
        current.Duty = string.Equals(Claim(HubClaims.Duty), "true", StringComparison.OrdinalIgnoreCase);
        // Identity publishes an account leaving the practitioner roles once more, disabled; never route to one.
        current.Disabled = change.Disabled || !HubRoles.Practitioners.Contains(change.Role);
        current.ChangedAt = at;
    }
}

/// <summary>case-record's queue <c>case-record-practitioner-account-changed</c>.</summary>
public sealed class PractitionerAccountChangedConsumerDefinition : ConsumerDefinition<PractitionerAccountChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PractitionerAccountChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 8;
}
