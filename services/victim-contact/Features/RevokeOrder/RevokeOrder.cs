using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Features.RevokeOrder;

/// <summary><c>POST /api/victim-contact/cases/{caseId}/orders/{orderId}/revoke</c>: the order stops; <c>ProhibitedContactOrderRevoked</c>.</summary>
public static class RevokeOrder
{
    public const string Purpose = "revoke a prohibited-contact order";

    public static RouteGroupBuilder MapRevokeOrder(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/orders/{orderId}/revoke", HandleAsync).WithSummary("Revoke a prohibited-contact order");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid orderId, HttpContext http, CaseAccess cases, VictimContactDbContext db, OrderEvents events, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId && o.CaseId == found.Id, http.RequestAborted) is not { } order)
            return CaseAccess.NotFound("order");
        if (!order.IsInForce)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orderId"] = ["The order is no longer in force."] });

        var now = time.GetUtcNow();
        order.Status = OrderStatus.Revoked;
        order.ChangedAt = now;
        events.Revoked(order, found, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"order:{order.Id}"], Purpose), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
