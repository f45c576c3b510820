using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;

namespace PublicProtectionHub.TelephoneMonitoring.Features;

/// <summary>
/// A person the caller is responsible for, when the caller's role may see or do this at all. A role that may not is
/// answered as a person out of scope (404, audited): never a 403 that would confirm the person exists.
/// </summary>
public static class PersonInScope
{
    public static async Task<Responsibility?> FindAsync(
        HttpContext http, PersonAccess people, AuditLog audit, string identifier, string purpose, IReadOnlyCollection<string> roles)
    {
        if (roles.Contains(Caller.From(http.User).Role)) return await people.FindAsync(http, identifier, purpose);
        await audit.SaveAsync(http.AuditRecord(AuditAction.AccessDenied, [identifier], purpose, AuditOutcome.Denied), http.RequestAborted);
        return null;
    }

    public static ValidationProblem? BadIdentifier(string identifier) => PersonIdentifier.IsValid(identifier)
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."],
        });
}
