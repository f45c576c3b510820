using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Features.UpdateVictim;

/// <summary>
/// <c>PUT /api/victim-contact/cases/{caseId}/victims/{victimId}</c>: replaces a victim's personal details (all of them,
/// re-encrypted under the current key). Opting in or out has its own endpoint, so its history is kept.
/// </summary>
public static class UpdateVictim
{
    public const string Purpose = "correct a victim's details";

    public static RouteGroupBuilder MapUpdateVictim(this RouteGroupBuilder api)
    {
        api.MapPut("/cases/{caseId}/victims/{victimId}", HandleAsync).WithSummary("Replace a victim's details");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid victimId, VictimDetails request, HttpContext http, CaseAccess cases, PersonalDataProtector protector, AuditLog audit)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        if (found.Victims.FirstOrDefault(v => v.Id == victimId && v.ErasedAt == null) is not { } victim) return CaseAccess.NotFound("victim");
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        request.WriteTo(victim, protector);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), CaseAccess.VictimRecord(victim.Id)], Purpose),
            http.RequestAborted);
        return TypedResults.NoContent();
    }
}
