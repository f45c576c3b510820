using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// Applies one validated HMPPS event to the register, in one transaction with its record and audit entry.
/// A replay (same <see cref="ReceivedHmppsEvent.ReplayKey"/>) changes nothing; an event older than the last
/// applied one of its kind for the person is recorded as superseded; a person known by NOMS number and later
/// by CRN (or the other way round) is one person. A person the hub does not know is registered only when the
/// event names them (<c>firstName</c>, <c>lastName</c>) and says where they are (a reception); otherwise the
/// event is recorded as <see cref="HmppsEventOutcome.PersonUnknown"/> and ignored.
/// </summary>
public sealed class HmppsEventHandler(CaseRecordDbContext db, AuditLog audit, HmppsTimeline timeline, TimeProvider time)
{
    // Events about one person are applied one at a time (by each identifier they carry, and by the person's row), so a
    // replay or two events for one person never race; events about different people are applied side by side.
    internal const int IngestLocks = 0x5050_484D; // "PPHM": the class of the two-key locks on one identifier
    public const string Purpose = "apply an HMPPS domain event";

    private const int Attempts = 3;

    /// <returns>The outcome, or null for a replay of an event already recorded.</returns>
    public async Task<HmppsEventOutcome?> HandleAsync(HmppsEvent e, AuditRecordFactory auditRecord, CancellationToken ct)
    {
        // In the inbox's transaction the queue retries the whole message; in a transaction of our own, we do.
        if (db.Database.CurrentTransaction is not null) return await ApplyAsync(e, auditRecord, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(e, auditRecord, ct);
            }
            catch (Exception conflict) when (attempt < Attempts && TransientConflicts.Caused(conflict))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<HmppsEventOutcome?> ApplyAsync(HmppsEvent e, AuditRecordFactory auditRecord, CancellationToken ct)
    {
        // From the queue the inbox's transaction is already open: join it, and let the inbox commit.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var replayKey = ReceivedHmppsEvent.ReplayKeyOf(e);
        if (await LockAndCheckReplayAsync(db, e, replayKey, lockPerson: HmppsEventTypes.IsKnown(e.EventType), ct)) return null;

        var now = time.GetUtcNow();
        var kind = HmppsEventTypes.KindOf(e);
        var received = new ReceivedHmppsEvent
        {
            Id = Guid.CreateVersion7(), ReplayKey = replayKey, EventType = e.EventType, Kind = kind, OccurredAt = e.OccurredAt,
            BodyHash = e.BodyHash, NomsNumber = HmppsEventRules.NomsNumberOf(e), Crn = e.Person.Crn, ReceivedAt = now,
        };
        db.HmppsEvents.Add(received);

        var (person, conflict, superseded) = HmppsEventTypes.IsKnown(e.EventType) ? await FindAsync(e, kind, ct) : (null, false, false);
        var isNew = false;
        if (!HmppsEventTypes.IsKnown(e.EventType)) received.Outcome = HmppsEventOutcome.UnknownType;
        else if (conflict) received.Outcome = HmppsEventOutcome.IdentifiersConflict;
        else if (person is null && MinimalPerson(e, now) is { } registered)
        {
            db.People.Add(person = registered);
            isNew = true;
        }

        if (person is null && received.Outcome == HmppsEventOutcome.Applied) received.Outcome = HmppsEventOutcome.PersonUnknown;
        if (person is not null)
        {
            received.PersonId = person.Id;
            received.Outcome = superseded ? HmppsEventOutcome.Superseded : HmppsEventOutcome.Applied;
            if (received.Outcome == HmppsEventOutcome.Applied)
            {
                LinkIdentifiers(person, e);
                if (HmppsEventRules.Apply(e, person) || isNew)
                    db.RecordResponsibilityChange(person, $"HMPPS event {e.EventType}", now);
                await timeline.RecordAsync(e, replayKey, person, ct);
            }
        }

        var altered = person is not null && received.Outcome == HmppsEventOutcome.Applied;
        var records = person is not null ? [person.Key] : new[] { received.NomsNumber ?? received.Crn }.OfType<string>().ToArray();
        await audit.SaveAsync(auditRecord(isNew ? AuditAction.Collection : altered ? AuditAction.Alteration : AuditAction.Collection, records,
            $"{Purpose}: {e.EventType} ({received.Outcome})"), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return received.Outcome;
    }

    /// <summary>
    /// Takes, until commit, the locks on the event's NOMS number and CRN (in one order everywhere, so two events cannot wait
    /// on each other; an event that carries neither takes the lock of the empty identifier), then says whether the event
    /// was already recorded, and with <paramref name="lockPerson"/> locks the rows of the people it names, so an event that
    /// names them by their other identifier waits. One round trip: each statement starts once the one before has finished,
    /// so the check and the row locks see whatever the holder of an identifier's lock committed.
    /// </summary>
    internal static async Task<bool> LockAndCheckReplayAsync(CaseRecordDbContext db, HmppsEvent e, string replayKey, bool lockPerson, CancellationToken ct)
    {
        var noms = HmppsEventRules.NomsNumberOf(e);
        var crn = e.Person.Crn;
        string[] keys = noms is null && crn is null ? ["none"] : [.. new[] { crn is null ? null : $"crn:{crn}", noms is null ? null : $"noms:{noms}" }.OfType<string>()];
        await using var batch = db.BatchInTransaction();
        foreach (var key in keys)
            batch.BatchCommands.Add(Batches.Statement("SELECT pg_advisory_xact_lock($1, hashtext($2))", IngestLocks, key));
        batch.BatchCommands.Add(Batches.Statement("""SELECT EXISTS (SELECT 1 FROM integrations.hmpps_events WHERE "ReplayKey" = $1)""", replayKey));
        if (lockPerson)
            batch.BatchCommands.Add(Batches.Statement("""
                SELECT 1 FROM register.people
                WHERE ($1::text IS NOT NULL AND "NomsNumber" = $1) OR ($2::text IS NOT NULL AND "Crn" = $2)
                ORDER BY "Id" FOR UPDATE
                """, noms, crn));
        return await batch.ValueOfResultAsync<bool>(keys.Length, ct);
    }

    /// <summary>
    /// Finds the person (their row already locked) by NOMS number or CRN, and whether an event of this kind that happened
    /// later was already applied to them (this one is then superseded); a conflict when the two identifiers name different people.
    /// </summary>
    private async Task<(Person? Person, bool Conflict, bool Superseded)> FindAsync(HmppsEvent e, string kind, CancellationToken ct)
    {
        var noms = HmppsEventRules.NomsNumberOf(e);
        var crn = e.Person.Crn;
        var found = await db.People.Named(noms, crn).Take(2)
            .Select(p => new
            {
                Person = p,
                Superseded = db.HmppsEvents.Any(r =>
                    r.PersonId == p.Id && r.Kind == kind && r.Outcome == HmppsEventOutcome.Applied && r.OccurredAt > e.OccurredAt),
            })
            .ToListAsync(ct);
        return found.Count switch
        {
            0 => (null, false, false),
            1 when (noms is null || found[0].Person.NomsNumber is null || found[0].Person.NomsNumber == noms)
                   && (crn is null || found[0].Person.Crn is null || found[0].Person.Crn == crn) => (found[0].Person, false, found[0].Superseded),
            _ => (null, true, false),
        };
    }

    private static void LinkIdentifiers(Person person, HmppsEvent e)
    {
        person.NomsNumber ??= HmppsEventRules.NomsNumberOf(e);
        person.Crn ??= e.Person.Crn;
        person.PncId ??= e.Person.PncId;
    }

    /// <summary>A reception into prison that names the person registers them with the prison responsible.</summary>
    private static Person? MinimalPerson(HmppsEvent e, DateTimeOffset now)
    {
        var d = e.Details;
        if (e.EventType != HmppsEventTypes.PrisonerReceived || d.FirstName is not { Length: <= 100 } given
            || d.LastName is not { Length: <= 100 } family || HmppsEventRules.NomsNumberOf(e) is null)
            return null;
        return new Person
        {
            Id = Guid.CreateVersion7(), GivenName = given, FamilyName = family, RegisteredAt = now,
            NomsNumber = HmppsEventRules.NomsNumberOf(e), Crn = e.Person.Crn, PncId = e.Person.PncId,
            Responsibilities = new Responsibilities { EstablishmentCode = d.PrisonId },
        };
    }
}

/// <summary>Builds the audit record of the request that brought the event (its caller and correlation id).</summary>
public delegate AuditRecord AuditRecordFactory(AuditAction action, IReadOnlyList<string> records, string purpose);
