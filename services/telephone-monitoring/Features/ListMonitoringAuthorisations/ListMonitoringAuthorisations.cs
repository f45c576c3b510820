using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ListMonitoringAuthorisations;

/// <summary>
/// <c>GET /api/telephone-monitoring/people/{identifier}/monitoring-authorisations</c>: a prisoner's Rule 35A authorisations,
/// newest first, and whether the content of their calls may be monitored now. The security department sees them whole;
/// the OMU, the offender manager and the MAPPA coordinator a summary (the fact and its period, per ACCESS.md); the police
/// and VLOs get alerts, not authorisations.
/// </summary>
public static class ListMonitoringAuthorisations
{
    public const string Purpose = "view a prisoner's call monitoring authorisations";
    private static readonly string[] Roles =
        [HubRoles.PrisonSecurity, HubRoles.OffenderSupervisor, HubRoles.OffenderManager, HubRoles.MappaCoordinator];

    public sealed record RenewalView(string RenewedBy, DateTimeOffset RenewedAt, DateTimeOffset PreviousEndsAt, DateTimeOffset EndsAt);

    /// <param name="Status"><c>pending</c>, <c>in-force</c> or <c>ended</c>.</param>
    public sealed record AuthorisationView(
        Guid Id, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Purpose = null, string? Reason = null,
        string? AuthorisedBy = null, DateOnly? ReviewDate = null, IReadOnlyList<RenewalView>? Renewals = null);

    public sealed record Authorisations(bool ContentMonitoring, IReadOnlyList<AuthorisationView> Items);

    public static RouteGroupBuilder MapListMonitoringAuthorisations(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/monitoring-authorisations", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<Authorisations>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, HttpContext http, PersonAccess people, AuditLog audit, TelephoneMonitoringDbContext db, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, Roles) is not { } person) return PersonNotFound.Problem();

        var now = time.GetUtcNow();
        var whole = Caller.From(http.User).Role == HubRoles.PrisonSecurity;
        var found = await db.Authorisations.AsNoTracking().Include(a => a.Renewals)
            .Where(a => a.PersonKey == person.NomsNumber).OrderByDescending(a => a.StartsAt).ToListAsync(http.RequestAborted);
        var items = found.Select(a =>
        {
            var status = now < a.StartsAt ? "pending" : now < a.EndsAt ? "in-force" : "ended";
            return whole
                ? new AuthorisationView(a.Id, status, a.StartsAt, a.EndsAt, a.Purpose, a.Reason, a.AuthorisedBy, a.ReviewDate,
                    [.. a.Renewals.OrderBy(r => r.RenewedAt).Select(r => new RenewalView(r.RenewedBy, r.RenewedAt, r.PreviousEndsAt, r.EndsAt))])
                : new AuthorisationView(a.Id, status, a.StartsAt, a.EndsAt);
        }).ToList();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Ok(new Authorisations(found.Any(a => a.IsInForceAt(now)), items));
    }
}
