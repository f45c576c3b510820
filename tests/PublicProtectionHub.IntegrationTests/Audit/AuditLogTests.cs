using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _database = await servers.CreateDatabaseAsync("audit");
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync(); // a throwaway database
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_audited_change_writes_exactly_one_entry_in_the_same_transaction()
    {
        await using var db = NewContext();
        db.Notes.Add(new Note { Text = "arrival reviewed" });
        await Log(db).SaveAsync(Record(AuditAction.Alteration, "A1234BC"));

        await using var check = NewContext();
        var entry = Assert.Single(await check.Set<AuditEntry>().ToListAsync());
        Assert.Equal(1, await check.Notes.CountAsync());
        Assert.Equal(["A1234BC"], entry.Records);
        Assert.Equal(("sec.exeter", "prison-security", "prison", AuditAction.Alteration), (entry.Subject, entry.Role, entry.Agency, entry.Action));
        Assert.Equal(AuditChain.Genesis, entry.PreviousHash);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
    }

    [Fact]
    public async Task Entries_chain_and_an_altered_entry_breaks_the_chain_at_that_entry()
    {
        await using (var db = NewContext())
        {
            var log = Log(db);
            for (var i = 0; i < 5; i++) await log.SaveAsync(Record(AuditAction.Consultation, $"A{i}234BC"));
        }

        await using (var db = NewContext())
        {
            var entries = await InSequenceAsync(db);
            Assert.Null(AuditChain.FirstBreak(entries));
            Assert.Single(entries.Select(e => e.Chain).Distinct());
            Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));

            var third = entries[2].Sequence;
            await db.Database.ExecuteSqlAsync($"UPDATE audit.entries SET justification = 'nothing to see' WHERE sequence = {third}");
            var tampered = await InSequenceAsync(db);
            Assert.Equal(third, AuditChain.FirstBreak(tampered));
        }
    }

    [Fact]
    public async Task Entries_saved_together_chain_in_the_order_given_after_those_before()
    {
        await using (var db = NewContext()) await Log(db).SaveAsync(Record(AuditAction.Consultation, "A0000BC"));
        var records = Enumerable.Range(1, 120).Select(i => Record(AuditAction.Consultation, $"A{i:0000}BC")).ToList();
        await using (var db = NewContext()) await Log(db).SaveAsync(records);

        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Equal(121, entries.Count);
        Assert.Null(AuditChain.FirstBreak(entries));
        Assert.Equal(Enumerable.Range(0, 121).Select(i => $"A{i:0000}BC"), entries.Select(e => Assert.Single(e.Records)));
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain()
    {
        await using (var db = NewContext())
        {
            var log = Log(db);
            for (var i = 0; i < 3; i++) await log.SaveAsync(Record(AuditAction.Disclosure, $"A{i}234BC"));
        }

        await using var check = NewContext();
        var second = (await InSequenceAsync(check))[1].Sequence;
        await check.Database.ExecuteSqlAsync($"DELETE FROM audit.entries WHERE sequence = {second}");
        var remaining = await InSequenceAsync(check);
        Assert.Equal(remaining[1].Sequence, AuditChain.FirstBreak(remaining));
    }

    [Fact]
    public async Task Writers_take_the_chains_in_turn_each_linking_to_its_own_and_an_entry_moved_to_another_chain_breaks_both()
    {
        for (var i = 0; i < 3 * AuditChain.Count; i++)
        {
            await using var db = NewContext();
            await Log(db).SaveAsync(Record(AuditAction.Consultation, $"F{i:0000}CD"));
        }

        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Null(AuditChain.FirstBreak(entries));
        var chains = entries.Select(e => e.Chain).Distinct().Count();
        Assert.InRange(chains, 2, AuditChain.Count); // other tests' writers may take turns in between
        Assert.Equal(chains, entries.Count(e => e.PreviousHash == AuditChain.Genesis));

        var moved = entries.First(e => e.PreviousHash != AuditChain.Genesis);
        var to = entries.First(e => e.Chain != moved.Chain).Chain;
        await check.Database.ExecuteSqlAsync($"UPDATE audit.entries SET chain = {to} WHERE sequence = {moved.Sequence}");
        var tampered = await InSequenceAsync(check);
        Assert.NotNull(AuditChain.FirstBreak(tampered));
        Assert.NotNull(AuditChain.FirstBreak(tampered.Where(e => e.Chain == moved.Chain)));
        Assert.NotNull(AuditChain.FirstBreak(tampered.Where(e => e.Chain == to)));
    }

    [Fact]
    public async Task Writers_on_the_other_chains_commit_while_one_chain_is_held_until_its_transaction_commits()
    {
        await using var holding = NewContext();
        var held = Log(holding);
        await using var open = await holding.Database.BeginTransactionAsync();
        await held.SaveAsync(Record(AuditAction.Alteration, "G0000CD")); // the chain's lock, held until this commits

        var written = new HashSet<short>();
        while (written.Count < AuditChain.Count - 1)
        {
            await using var other = NewContext();
            var log = Log(other);
            if (log.Chain == held.Chain || !written.Add(log.Chain)) continue;
            await log.SaveAsync(Record(AuditAction.Alteration, $"G{log.Chain:0000}CD")).WaitAsync(TimeSpan.FromSeconds(10));
        }

        await open.CommitAsync();
        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Equal(AuditChain.Count, entries.Select(e => e.Chain).Distinct().Count());
        Assert.Null(AuditChain.FirstBreak(entries));
    }

    [Fact]
    public async Task When_the_audit_log_cannot_be_written_nothing_is_saved_and_the_operation_fails()
    {
        await using (var db = NewContext())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit.entries RENAME TO entries_unavailable");

        await using (var db = NewContext())
        {
            db.Notes.Add(new Note { Text = "must not be saved without its audit entry" });
            await Assert.ThrowsAsync<AuditUnavailableException>(() => Log(db).SaveAsync(Record(AuditAction.Alteration, "A1234BC")));
        }

        await using var check = NewContext();
        Assert.Equal(0, await check.Notes.CountAsync());
    }

    [Fact]
    public async Task Concurrent_writers_leave_every_chain_unbroken()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var db = NewContext();
            await Log(db).SaveAsync(Record(AuditAction.Consultation, $"B{i:0000}CD"));
        }));

        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Equal(20, entries.Count);
        Assert.Null(AuditChain.FirstBreak(entries));
    }

    [Fact]
    public async Task Writers_saving_twice_in_a_transaction_and_again_in_the_next_leave_every_chain_unbroken()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            await using var db = NewContext();
            var log = Log(db);
            for (var transaction = 0; transaction < 2; transaction++)
            {
                await using var open = await db.Database.BeginTransactionAsync();
                await log.SaveAsync(Record(AuditAction.Alteration, $"C{i:00}{transaction}0CD"));
                await log.SaveAsync(Record(AuditAction.Disclosure, $"C{i:00}{transaction}1CD"));
                await open.CommitAsync();
            }
        }));

        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Equal(40, entries.Count);
        Assert.Null(AuditChain.FirstBreak(entries));
    }

    [Fact]
    public async Task Entries_saved_in_a_transaction_are_written_as_it_commits_leaving_every_chain_unbroken()
    {
        var interceptor = new AuditCommitInterceptor();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            await using var db = NewContext(interceptor);
            var log = Log(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = $"note {i}" });
            await log.SaveAsync(Record(AuditAction.Alteration, $"D{i:00}00CD"));
            await log.SaveAsync(Record(AuditAction.Disclosure, $"D{i:00}01CD"));
            await transaction.CommitAsync();
        }));

        await using var check = NewContext();
        var entries = await InSequenceAsync(check);
        Assert.Equal(20, entries.Count);
        Assert.Null(AuditChain.FirstBreak(entries));
        var chained = entries.OrderBy(e => e.Chain).ThenBy(e => e.Sequence).ToList();
        for (var i = 0; i < 20; i += 2) // each transaction's two entries together in its chain, in the order saved
            Assert.Equal(Assert.Single(chained[i].Records).Replace("00CD", "01CD"), Assert.Single(chained[i + 1].Records));
        Assert.Equal(10, await check.Notes.CountAsync());
    }

    [Fact]
    public async Task A_transaction_that_does_not_commit_leaves_no_entries_for_the_next()
    {
        var interceptor = new AuditCommitInterceptor();
        await using var db = NewContext(interceptor);
        var log = Log(db);
        await using (var abandoned = await db.Database.BeginTransactionAsync())
            await log.SaveAsync(Record(AuditAction.Alteration, "E0000CD")); // disposed without commit: rolled back

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await log.SaveAsync(Record(AuditAction.Alteration, "E0001CD"));
            await rolledBack.RollbackAsync();
        }

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            await log.SaveAsync(Record(AuditAction.Alteration, "E0002CD"));
            await committed.CommitAsync();
        }

        await using var check = NewContext();
        Assert.Equal("E0002CD", Assert.Single(Assert.Single(await check.Set<AuditEntry>().ToListAsync()).Records));
    }

    [Fact]
    public async Task When_entries_saved_in_a_transaction_cannot_be_written_it_does_not_commit()
    {
        await using (var db = NewContext())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit.entries RENAME TO entries_unavailable");

        await using (var db = NewContext(new AuditCommitInterceptor()))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = "must not be saved without its audit entry" });
            await Log(db).SaveAsync(Record(AuditAction.Alteration, "A1234BC"));
            await Assert.ThrowsAsync<AuditUnavailableException>(() => transaction.CommitAsync());
        }

        await using var check = NewContext();
        Assert.Equal(0, await check.Notes.CountAsync());
    }

    private static AuditRecord Record(AuditAction action, string record) => new(
        new AuditActor("sec.exeter", "prison-security", "prison", null), action, "test", [record], "arrival review", CorrelationId: "test-correlation");

    private static Task<List<AuditEntry>> InSequenceAsync(DbContext db) =>
        db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();

    private static AuditLog Log(AuditTestDbContext db) => new(db, TimeProvider.System, NullLogger<AuditLog>.Instance);

    private AuditTestDbContext NewContext(AuditCommitInterceptor? atCommit = null)
    {
        var options = new DbContextOptionsBuilder<AuditTestDbContext>().UseNpgsql(_database);
        if (atCommit is not null) options.AddInterceptors(atCommit);
        return new(options.Options);
    }

    public sealed class Note
    {
        public int Id { get; set; }
        public required string Text { get; set; }
    }

    public sealed class AuditTestDbContext(DbContextOptions<AuditTestDbContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddAuditLog();
    }
}
