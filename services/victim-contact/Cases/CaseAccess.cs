using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Cases;

/// <summary>
/// A case, and everything about its victims, exists only for the victim liaison officers of the unit it is
/// allocated to. Anyone else — another unit, any other role — is told there is no such case, and the refusal is
/// audited and logged (without the path, which names the case).
/// </summary>
public sealed partial class CaseAccess(VictimContactDbContext db, AuditLog audit, ILogger<CaseAccess> logger)
{
    public static bool IsVictimLiaison(Caller caller) => caller.Role == HubRoles.VictimLiaison && caller.VictimLiaisonUnit is { Length: > 0 };

    public async Task<VictimContactCase?> FindAsync(HttpContext http, Guid caseId, string purpose, bool withVictims = false)
    {
        var caller = Caller.From(http.User);
        VictimContactCase? found = null;
        if (IsVictimLiaison(caller))
        {
            IQueryable<VictimContactCase> cases = withVictims ? db.Cases.Include(c => c.Victims).ThenInclude(v => v.OptInHistory).AsSplitQuery() : db.Cases;
            found = await cases.FirstOrDefaultAsync(c => c.Id == caseId && c.VictimLiaisonUnit == caller.VictimLiaisonUnit, http.RequestAborted);
        }

        if (found is null)
        {
            LogRefused(caller.Id, caller.Role, http.Request.Method);
            await audit.SaveAsync(http.AuditRecord(AuditAction.AccessDenied, [Record(caseId)], purpose, AuditOutcome.Denied), http.RequestAborted);
        }

        return found;
    }

    public static string Record(Guid caseId) => $"victim-contact-case:{caseId}";

    public static string VictimRecord(Guid victimId) => $"victim:{victimId}";

    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such victim contact case.",
        detail: "There is no victim contact case with that id allocated to your unit.");

    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.",
        detail: $"There is no {what} with that id that you may see.");

    public static ProblemHttpResult VictimLiaisonOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Victim liaison officers only.",
        detail: "Only a victim liaison officer with a victim liaison unit may do this.");

    [LoggerMessage(LogLevel.Warning, "Victim contact case refused to {CallerId} ({Role}) on {Method}")]
    private partial void LogRefused(string callerId, string role, string method);
}
