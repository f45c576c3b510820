using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;

namespace PublicProtectionHub.CaseRecord.Features.RegisterPerson;

public sealed record RegisterPersonCommand(
    string? NomsNumber,
    string? Crn,
    string? PncId,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    PersonFlags Flags,
    Responsibilities Responsibilities,
    string Reason)
{
    public int? MappaCategory { get; init; }
    public int? MappaLevel { get; init; }

    /// <summary>Field names whose values are unusable; never the values themselves.</summary>
    public IReadOnlyList<string> Invalid()
    {
        var invalid = new List<string>();
        if (NomsNumber is null && Crn is null) invalid.Add("nomsNumber");
        if (NomsNumber is not null && !PersonIdentifier.IsNomsNumber(NomsNumber)) invalid.Add("nomsNumber");
        if (Crn is not null && !PersonIdentifier.IsCrn(Crn)) invalid.Add("crn");
        if (string.IsNullOrWhiteSpace(GivenName) || GivenName.Length > 100) invalid.Add("givenName");
        if (string.IsNullOrWhiteSpace(FamilyName) || FamilyName.Length > 100) invalid.Add("familyName");
        return invalid;
    }
}

/// <summary>
/// Adds a person to the register, or recognises them by either identifier (NOMS number or CRN)
/// so that one person is never registered twice. A new person's responsibilities are published.
/// </summary>
public sealed class RegisterPersonHandler(CaseRecordDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<Person> HandleAsync(RegisterPersonCommand command, AuditActor actor, CancellationToken ct)
    {
        if (command.Invalid() is { Count: > 0 } invalid)
            throw new ArgumentException($"Invalid fields: {string.Join(", ", invalid)}");

        var existing = await db.People.Named(command.NomsNumber, command.Crn).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            existing.NomsNumber ??= command.NomsNumber;
            existing.Crn ??= command.Crn;
            existing.PncId ??= command.PncId;
            await audit.SaveAsync(new AuditRecord(actor, AuditAction.Combination, "register person", [existing.Key], command.Reason), ct);
            return existing;
        }

        var now = time.GetUtcNow();
        var person = new Person
        {
            Id = Guid.CreateVersion7(),
            NomsNumber = command.NomsNumber,
            Crn = command.Crn,
            PncId = command.PncId,
            GivenName = command.GivenName,
            FamilyName = command.FamilyName,
            DateOfBirth = command.DateOfBirth,
            Flags = command.Flags,
            MappaCategory = command.MappaCategory,
            MappaLevel = command.MappaLevel,
            Responsibilities = command.Responsibilities,
            RegisteredAt = now,
        };
        db.People.Add(person);
        db.RecordResponsibilityChange(person, command.Reason, now);
        await audit.SaveAsync(new AuditRecord(actor, AuditAction.Collection, "register person", [person.Key], command.Reason), ct);
        return person;
    }
}
