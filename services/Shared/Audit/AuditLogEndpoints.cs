using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Audit;

/// <summary>The auditor's view of a service's audit log. Reading the log is itself logged.</summary>
public static class AuditLogEndpoints
{
    public const string AuditorPolicy = "auditor";
    private const int MaxPage = 500;

    public sealed record AuditEntryView(
        long Sequence, short Chain, Guid Id, DateTimeOffset OccurredAt, string Subject, string Role, string Agency, string? ClientId,
        AuditAction Action, IReadOnlyList<string> Records, string Justification, IReadOnlyList<string> Recipients,
        string? CorrelationId, AuditOutcome Outcome, string Operation, string PreviousHash, string Hash);

    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Next);

    public sealed record ChainVerification(bool Intact, int EntriesChecked, long? FirstBrokenSequence);

    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(p => p.RequireClaim(HubClaims.Role, HubRoles.Auditor));
        audit.MapGet("/entries", QueryAsync);
        audit.MapGet("/verify", VerifyAsync);
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> QueryAsync(
        HttpContext http, AuditLog log, DbContextAccessor db,
        DateTimeOffset? from, DateTimeOffset? to, string? subject, string? record, long? after, int? limit)
    {
        var size = limit ?? 100;
        if (size is < 1 or > MaxPage)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxPage}."] });

        var query = db.Context.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > (after ?? 0));
        if (from is not null) query = query.Where(e => e.OccurredAt >= from);
        if (to is not null) query = query.Where(e => e.OccurredAt < to);
        if (!string.IsNullOrEmpty(subject)) query = query.Where(e => e.Subject == subject);
        if (!string.IsNullOrEmpty(record)) query = query.Where(e => e.Records.Contains(record));
        var entries = await query.OrderBy(e => e.Sequence).Take(size).ToListAsync(http.RequestAborted);

        await log.SaveAsync(Consultation(http, entries.Select(e => $"audit-entry:{e.Sequence}").ToList(), "audit log query"), http.RequestAborted);
        var next = entries.Count == size ? entries[^1].Sequence : (long?)null;
        return TypedResults.Ok(new AuditPage(entries.Select(View).ToList(), next));
    }

    private static async Task<Ok<ChainVerification>> VerifyAsync(HttpContext http, AuditLog log, DbContextAccessor db)
    {
        var entries = await db.Context.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(http.RequestAborted);
        var broken = AuditChain.FirstBreak(entries);
        await log.SaveAsync(Consultation(http, ["audit-log:chain"], "audit chain verification"), http.RequestAborted);
        return TypedResults.Ok(new ChainVerification(broken is null, entries.Count, broken));
    }

    private static AuditRecord Consultation(HttpContext http, IReadOnlyList<string> records, string purpose) =>
        new(http.User.ToAuditActor(), AuditAction.Consultation, $"{http.Request.Method} {http.Request.Path}", records,
            purpose, CorrelationId: http.CorrelationId());

    private static AuditEntryView View(AuditEntry e) => new(
        e.Sequence, e.Chain, e.Id, e.OccurredAt, e.Subject, e.Role, e.Agency, e.ClientId, e.Action, e.Records, e.Justification,
        e.Recipients, e.CorrelationId, e.Outcome, e.Operation, e.PreviousHash, e.Hash);
}

/// <summary>The service's DbContext as the shared audit endpoints see it.</summary>
public sealed class DbContextAccessor(DbContext context)
{
    public DbContext Context { get; } = context;
}
