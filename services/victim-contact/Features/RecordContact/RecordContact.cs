using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Features.RecordContact;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/contacts</c>: the contact log. A contact with a victim (<c>phone-call</c>,
/// <c>letter</c>, <c>visit</c>, <c>email</c>, naming the <c>victimId</c>) — the first one meets the first-contact deadline —
/// or the agreed notes of an <c>information-sharing-meeting</c> or an <c>offender-manager-call</c>. Notes are encrypted.
/// </summary>
public static class RecordContact
{
    public const string Purpose = "record a contact with a victim or an information-sharing note";
    public const int MaxNotesLength = 10_000;
    public static readonly IReadOnlySet<string> VictimContacts = new HashSet<string>(StringComparer.Ordinal) { "phone-call", "letter", "visit", "email" };
    public static readonly IReadOnlySet<string> Notes = new HashSet<string>(StringComparer.Ordinal) { "information-sharing-meeting", "offender-manager-call" };

    public sealed record RecordContactRequest(Guid? VictimId, string? Kind, DateTimeOffset? OccurredAt, string? Notes);

    public sealed record ContactRecorded(Guid Id, Guid CaseId, DateOnly? FirstContactOn);

    public static RouteGroupBuilder MapRecordContact(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/contacts", HandleAsync).WithSummary("Add to a case's contact log");
        return api;
    }

    public static async Task<Results<Created<ContactRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, RecordContactRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db,
        PersonalDataProtector protector, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !(VictimContacts.Contains(request.Kind) || Notes.Contains(request.Kind)))
            errors["kind"] = [$"One of: {string.Join(", ", VictimContacts.Concat(Notes).Order())}."];
        else if (VictimContacts.Contains(request.Kind) && (request.VictimId is null || found.Victims.All(v => v.Id != request.VictimId)))
            errors["victimId"] = ["A contact with a victim names one of the case's victims."];
        if (request.OccurredAt is not { } at || at > now.AddMinutes(5)) errors["occurredAt"] = ["Required, and not in the future."];
        if (string.IsNullOrWhiteSpace(request.Notes) || request.Notes.Length > MaxNotesLength) errors["notes"] = [$"Required: at most {MaxNotesLength} characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var entry = new ContactLogEntry
        {
            Id = Guid.CreateVersion7(), CaseId = found.Id, VictimId = request.VictimId, Kind = request.Kind!, OccurredAt = request.OccurredAt!.Value,
            KeyVersion = protector.CurrentVersion, RecordedBy = Caller.From(http.User).Id, RecordedAt = now,
        };
        entry.Notes = protector.Encrypt(request.Notes!, entry.Id, nameof(ContactLogEntry.Notes), protector.CurrentVersion);
        db.ContactLog.Add(entry);
        if (VictimContacts.Contains(entry.Kind))
        {
            var on = LondonDate.Of(entry.OccurredAt);
            if (found.FirstContactOn is null || on < found.FirstContactOn) found.FirstContactOn = on;
        }

        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection,
            [CaseAccess.Record(found.Id), .. request.VictimId is { } v ? [CaseAccess.VictimRecord(v)] : Array.Empty<string>()], Purpose), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/cases/{found.Id}/contacts", new ContactRecorded(entry.Id, found.Id, found.FirstContactOn));
    }
}
