using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;

namespace PublicProtectionHub.CaseRecord.Features.StreamInbox;

/// <summary>
/// <c>GET /api/case-record/inbox/stream</c>: the caller's inbox items as Server-Sent Events, each with its
/// inbox id as the event id. A reconnect sending <c>Last-Event-ID</c> (or <c>?lastEventId=</c>) gets every
/// item after that one, in order, once; a stream opened without it starts with the next item delivered
/// (the backlog is <c>GET /inbox</c>). Any number of tabs may stream one inbox.
/// </summary>
public static class StreamInbox
{
    public const string Purpose = "receive my inbox items as they are delivered";
    public const string EventName = "inbox-item";
    private const int Batch = 100;

    public static RouteGroupBuilder MapStreamInbox(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/stream", HandleAsync).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return inbox;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> HandleAsync(
        string? lastEventId, HttpContext http, CaseRecordDbContext db, AuditLog audit, InboxSignals signals,
        IOptions<PushOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time)
    {
        var resumeFrom = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : lastEventId;
        long last = 0;
        if (resumeFrom is not null && (!long.TryParse(resumeFrom, out last) || last < 0))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lastEventId"] = ["The id of the last event received."] });

        var userName = Caller.From(http.User).Id;
        if (resumeFrom is null)
            last = await db.Database.SqlQuery<long>($"""
                SELECT last_sequence AS "Value" FROM push.inbox_counters WHERE user_name = {userName}
                """).FirstOrDefaultAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [], Purpose), http.RequestAborted);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": inbox stream\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);

        try
        {
            await StreamAsync(http, db, signals, userName, last, options.Value.StreamHeartbeat, json.Value.SerializerOptions, time);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The practitioner closed the tab or lost the connection; they resume with Last-Event-ID.
        }

        return TypedResults.Empty;
    }

    private static async Task StreamAsync(
        HttpContext http, CaseRecordDbContext db, InboxSignals signals, string userName, long last, TimeSpan heartbeat,
        JsonSerializerOptions json, TimeProvider time)
    {
        var aborted = http.RequestAborted;
        var generation = -1L; // the first items come from the database
        while (!aborted.IsCancellationRequested)
        {
            var delivered = signals.NextDeliveryTo(userName);
            var held = signals.After(userName, last, ref generation, Batch);
            var items = held ?? await ReadAsync(db, userName, last, aborted);
            if (items.Count > 0)
            {
                var text = new StringBuilder();
                foreach (var item in items)
                    text.Append("id: ").Append(item.Id).Append("\nevent: ").Append(EventName)
                        .Append("\ndata: ").Append(JsonSerializer.Serialize(item, json)).Append("\n\n");
                await http.Response.WriteAsync(text.ToString(), aborted);
                await http.Response.Body.FlushAsync(aborted);
                last = items[^1].Id;
                if (held is null && items.Count == Batch) generation = -1; // more may wait in the database
                continue;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var idle = Task.Delay(heartbeat, time, wait.Token);
            var woken = await Task.WhenAny(delivered, idle);
            await wait.CancelAsync();
            if (woken == idle)
            {
                await idle; // throws when the client went away
                await http.Response.WriteAsync(": keep-alive\n\n", aborted);
                await http.Response.Body.FlushAsync(aborted);
                generation = -1; // and read the database again, in case a wake-up went astray
            }
        }
    }

    private static async Task<IReadOnlyList<InboxItemView>> ReadAsync(CaseRecordDbContext db, string userName, long last, CancellationToken ct) =>
        (await db.InboxOf(userName).AsNoTracking()
            .Where(i => i.Sequence > last).OrderBy(i => i.Sequence).Take(Batch).Views(db).ToListAsync(ct))
        .OrderBy(i => i.Id).ToList();
}
