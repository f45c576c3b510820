using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;

namespace PublicProtectionHub.CaseRecord.Features.ListInbox;

/// <summary><c>GET /api/case-record/inbox?state=unread&amp;before=…&amp;limit=…</c>: the caller's items, newest first.</summary>
public static class ListInbox
{
    public const string Purpose = "view my inbox";
    public const int MaxLimit = 200;

    public sealed record InboxPage(IReadOnlyList<InboxItemView> Items, long? Next);

    public static RouteGroupBuilder MapListInbox(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/", HandleAsync);
        return inbox;
    }

    public static async Task<Results<Ok<InboxPage>, ValidationProblem>> HandleAsync(
        string? state, long? before, int? limit, HttpContext http, CaseRecordDbContext db, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        InboxItemState? wanted = state switch
        {
            null => null,
            "unread" => InboxItemState.Unread,
            "read" => InboxItemState.Read,
            "acknowledged" => InboxItemState.Acknowledged,
            _ => null,
        };
        if (state is not null && wanted is null) errors["state"] = ["One of unread, read, acknowledged."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"From 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var items = db.InboxOf(Caller.From(http.User).Id);
        if (wanted is { } s) items = items.Where(i => i.State == s);
        if (before is { } b) items = items.Where(i => i.Sequence < b);
        var take = limit ?? 50;
        var page = (await items.OrderByDescending(i => i.Sequence).Take(take + 1).Views(db).ToListAsync(http.RequestAborted))
            .OrderByDescending(i => i.Id).ToList();
        var shown = page.Take(take).ToList();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, InboxQueries.PeopleIn(shown), Purpose), http.RequestAborted);
        return TypedResults.Ok(new InboxPage(shown, page.Count > take ? shown[^1].Id : null));
    }
}
