using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Features.IssueOrder;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/orders</c>: the unit records a prohibited-contact order on its case.
/// Publishes <c>ProhibitedContactOrderIssued</c> to the offender's practitioners: the terms, and the numbers as keyed hashes only.
/// </summary>
public static class IssueOrder
{
    public const string Purpose = "record a prohibited-contact order and share its terms";

    public sealed record OrderRecorded(Guid Id, string Reference, string Status);

    public static RouteGroupBuilder MapIssueOrder(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/orders", HandleAsync).WithSummary("Record a prohibited-contact order");
        return api;
    }

    public static async Task<Results<Created<OrderRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, OrderTermsRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, OrderEvents events,
        AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        var now = time.GetUtcNow();
        var errors = request.Validate(found, now);
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > 50)
            errors["reference"] = ["Required: the order's reference, at most 50 characters."];
        else if (await db.Orders.AnyAsync(o => o.Reference == request.Reference.Trim(), http.RequestAborted))
            errors["reference"] = ["An order with this reference is already recorded."];
        if (!found.IsOpen) errors["caseId"] = ["The case is closed."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var order = new ProhibitedContactOrder
        {
            Id = Guid.CreateVersion7(), CaseId = found.Id, Reference = request.Reference!.Trim(), Kind = request.Kind!,
            ProtectedVictims = [.. request.ProtectedVictims ?? []], ProtectedOthers = request.ProtectedOthers ?? 0,
            ProhibitedMeans = [.. request.ProhibitedMeans!.Distinct()], ValidFrom = request.ValidFrom!.Value, ValidUntil = request.ValidUntil,
            Status = OrderStatus.Active, IssuedAt = now, ChangedAt = now,
        };
        events.WriteNumbers(order, request.NormalisedNumbers(), request.ProhibitedAddresses);
        db.Orders.Add(order);
        events.Issued(order, found, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [CaseAccess.Record(found.Id), $"order:{order.Id}",
            .. order.ProtectedVictims.Select(CaseAccess.VictimRecord)], Purpose), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/cases/{found.Id}/orders/{order.Id}",
            new OrderRecorded(order.Id, order.Reference, order.Status.ToString()));
    }
}
