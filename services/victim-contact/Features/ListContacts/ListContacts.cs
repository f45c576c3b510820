using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Features.ListContacts;

/// <summary><c>GET /api/victim-contact/cases/{caseId}/contacts</c> with an <c>X-Justification</c> header: the case's contact log, oldest first.</summary>
public static class ListContacts
{
    public const string Purpose = "read a case's contact log";

    public sealed record ContactView(Guid Id, Guid? VictimId, string Kind, DateTimeOffset OccurredAt, string? Notes, string RecordedBy, DateTimeOffset RecordedAt);

    public static RouteGroupBuilder MapListContacts(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}/contacts", HandleAsync).WithSummary("A case's contact log (X-Justification required)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, CaseAccess cases, VictimContactDbContext db, PersonalDataProtector protector, AuditLog audit)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (Justification.Missing(http) is { } missing) return missing;
        var entries = await db.ContactLog.AsNoTracking().Where(e => e.CaseId == found.Id)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [CaseAccess.Record(found.Id)], Purpose), http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ContactView>>([.. entries.Select(e => new ContactView(
            e.Id, e.VictimId, e.Kind, e.OccurredAt, protector.Decrypt(e.Notes, e.Id, nameof(ContactLogEntry.Notes), e.KeyVersion),
            e.RecordedBy, e.RecordedAt))]);
    }
}
