using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Features.ListOrders;

/// <summary>
/// <c>GET /api/victim-contact/people/{identifier}/orders</c>: a person's prohibited-contact orders, for every practitioner
/// responsible for them — the terms only: never who is protected, their numbers or addresses (ACCESS.md).
/// </summary>
public static class ListOrders
{
    public const string Purpose = "see the prohibited-contact orders a person is subject to";

    public sealed record OrderView(
        Guid Id, string Reference, string Kind, IReadOnlyList<string> ProhibitedMeans, int ProhibitedNumberCount, DateTimeOffset ValidFrom,
        DateTimeOffset? ValidUntil, string Status, string Summary, DateTimeOffset ChangedAt);

    public static RouteGroupBuilder MapListOrders(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/orders", HandleAsync).WithSummary("A person's prohibited-contact orders (terms only)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<OrderView>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, HttpContext http, PersonAccess people, VictimContactDbContext db, AuditLog audit)
    {
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."] });
        if (await people.FindAsync(http, identifier, Purpose) is not { } person) return PersonNotFound.Problem();

        var cases = db.Cases.About(person.NomsNumber, person.Crn).Select(c => c.Id);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => cases.Contains(o.CaseId))
            .OrderByDescending(o => o.IssuedAt).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.PersonKey, .. orders.Select(o => $"order:{o.Id}")], Purpose),
            http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<OrderView>>([.. orders.Select(o => new OrderView(
            o.Id, o.Reference, o.Kind, o.ProhibitedMeans, o.ProhibitedNumberCount, o.ValidFrom, o.ValidUntil, o.Status.ToString(),
            OrderEvents.Summary(o, o.ProhibitedNumberCount > 0), o.ChangedAt))]);
    }
}
