using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.ReallocateCase;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/allocate</c> with <c>vloUnit</c>: the unit hands the case (victims, orders,
/// zones, tasks with it) to another victim liaison unit, e.g. when the victim moves. Publishes
/// <c>VictimContactCaseAllocated</c> naming the previous unit; from then on only the new unit's VLOs see the case.
/// </summary>
public static partial class ReallocateCase
{
    public const string Purpose = "hand a victim contact case to another victim liaison unit";

    public sealed record ReallocateRequest(string? VloUnit);

    public static RouteGroupBuilder MapReallocateCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/allocate", HandleAsync).WithSummary("Hand a case to another victim liaison unit");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, ReallocateRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (request.VloUnit is null || !UnitName().IsMatch(request.VloUnit)) errors["vloUnit"] = ["A victim liaison unit, e.g. devon-vlu."];
        else if (request.VloUnit == found.VictimLiaisonUnit) errors["vloUnit"] = ["The case is already allocated to this unit."];
        if (!found.IsOpen) errors["caseId"] = ["The case is closed."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var previous = found.VictimLiaisonUnit;
        found.VictimLiaisonUnit = request.VloUnit!;
        db.Allocated(found, previous, time.GetUtcNow());
        await audit.SaveAsync(http.AuditRecord(AuditAction.Disclosure, [CaseAccess.Record(found.Id), found.Person.StreamKey], Purpose,
            recipients: [request.VloUnit!]), http.RequestAborted);
        return TypedResults.NoContent();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$")]
    private static partial Regex UnitName();
}
