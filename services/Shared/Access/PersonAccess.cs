using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicProtectionHub.Audit;

namespace PublicProtectionHub.Access;

/// <summary>
/// Finds a person the caller is responsible for. A person outside the caller's responsibility
/// is not found — the same answer as a person who does not exist — and the refusal is audited.
/// </summary>
public sealed partial class PersonAccess(DbContextAccessor db, AuditLog audit, ILogger<PersonAccess> logger)
{
    public async Task<Responsibility?> FindAsync(HttpContext http, string identifier, string purpose)
    {
        var caller = Caller.From(http.User);
        var person = await db.Context.Set<Responsibility>().AsNoTracking()
            .ResponsibleFor(caller)
            .Where(r => r.NomsNumber == identifier || r.Crn == identifier)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (person is null)
        {
            LogRefused(caller.Id, caller.Role, http.Request.Method, http.Request.Path.Value ?? "");
            await audit.SaveAsync(http.AuditRecord(AuditAction.AccessDenied, [identifier], purpose, AuditOutcome.Denied), http.RequestAborted);
        }

        return person;
    }

    // The path can hold an identifier: it is logged at Debug only, and the audit log has the record.
    [LoggerMessage(LogLevel.Warning, "Need-to-know refused {CallerId} ({Role}) on {Method}")]
    private partial void LogRefusedCore(string callerId, string role, string method);

    private void LogRefused(string callerId, string role, string method, string path)
    {
        LogRefusedCore(callerId, role, method);
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Refused path {Path}", path);
    }
}
