using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Features.GetVictim;

/// <summary>
/// <c>GET /api/victim-contact/cases/{caseId}/victims/{victimId}</c> with an <c>X-Justification</c> header: a victim's
/// personal details and opt-in history, for the allocated unit's VLOs only. Each read is audited with its justification.
/// </summary>
public static class GetVictim
{
    public const string Purpose = "read a victim's details";

    public sealed record OptInView(bool OptedIn, DateTimeOffset ChangedAt, string RecordedBy);

    public sealed record VictimView(
        Guid Id, Guid CaseId, string? Name, string? Address, IReadOnlyList<string> PhoneNumbers, string? Email,
        string? PreferredContactMethod, string? Needs, bool OptedIn, IReadOnlyList<OptInView> OptInHistory, DateTimeOffset AddedAt,
        DateTimeOffset? ErasedAt);

    public static RouteGroupBuilder MapGetVictim(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}/victims/{victimId}", HandleAsync).WithSummary("A victim's details (X-Justification required)");
        return api;
    }

    public static async Task<Results<Ok<VictimView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid victimId, HttpContext http, CaseAccess cases, PersonalDataProtector protector, AuditLog audit)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        if (found.Victims.FirstOrDefault(v => v.Id == victimId) is not { } victim) return CaseAccess.NotFound("victim");
        if (Justification.Missing(http) is { } missing) return missing;

        var details = VictimDetails.ReadFrom(victim, protector);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [CaseAccess.Record(found.Id), CaseAccess.VictimRecord(victim.Id)], Purpose),
            http.RequestAborted);
        return TypedResults.Ok(new VictimView(
            victim.Id, found.Id, details.Name, details.Address, details.PhoneNumbers ?? [], details.Email, details.PreferredContactMethod,
            details.Needs, victim.OptedIn,
            [.. victim.OptInHistory.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new OptInView(h.OptedIn, h.ChangedAt, h.RecordedBy))],
            victim.AddedAt, victim.ErasedAt));
    }
}
