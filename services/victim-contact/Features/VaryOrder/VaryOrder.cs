using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Features.IssueOrder;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Features.VaryOrder;

/// <summary>
/// <c>PUT /api/victim-contact/cases/{caseId}/orders/{orderId}</c>: the order's whole new terms (the reference stays).
/// Publishes <c>ProhibitedContactOrderVaried</c>, which consumers take as a replacement, not a merge.
/// </summary>
public static class VaryOrder
{
    public const string Purpose = "vary a prohibited-contact order";

    public static RouteGroupBuilder MapVaryOrder(this RouteGroupBuilder api)
    {
        api.MapPut("/cases/{caseId}/orders/{orderId}", HandleAsync).WithSummary("Vary a prohibited-contact order");
        return api;
    }

    public static async Task<Results<Ok<IssueOrder.IssueOrder.OrderRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid orderId, OrderTermsRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db,
        OrderEvents events, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        if (await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId && o.CaseId == found.Id, http.RequestAborted) is not { } order)
            return CaseAccess.NotFound("order");
        var now = time.GetUtcNow();
        var errors = request.Validate(found, now);
        if (request.Reference is not null && request.Reference.Trim() != order.Reference) errors["reference"] = ["An order's reference does not change."];
        if (!order.IsInForce) errors["orderId"] = ["Only an order in force can be varied."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        order.Kind = request.Kind!;
        order.ProtectedVictims = [.. request.ProtectedVictims ?? []];
        order.ProtectedOthers = request.ProtectedOthers ?? 0;
        order.ProhibitedMeans = [.. request.ProhibitedMeans!.Distinct()];
        order.ValidFrom = request.ValidFrom!.Value;
        order.ValidUntil = request.ValidUntil;
        order.Status = OrderStatus.Varied;
        order.ChangedAt = now;
        events.WriteNumbers(order, request.NormalisedNumbers(), request.ProhibitedAddresses);
        events.Varied(order, found, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"order:{order.Id}"], Purpose),
            http.RequestAborted);
        return TypedResults.Ok(new IssueOrder.IssueOrder.OrderRecorded(order.Id, order.Reference, order.Status.ToString()));
    }
}
