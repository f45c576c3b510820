using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Calls;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ReceiveCallRecords;

/// <summary>
/// <c>POST /api/telephone-monitoring/call-records</c>, for the machine client <c>pin-phone-provider</c>: one call record,
/// a JSON array of them, or NDJSON (<c>application/x-ndjson</c>), up to 10 000 records, read as they arrive and stored
/// in batches of 500. A record whose call id is already held changes nothing. A bad record is reported by its 1-based
/// position (with the fields that are wrong, never their values) and the others are kept. 200 with the counts; 400
/// problem when a single record is bad or the body is not JSON.
/// </summary>
public static class ReceiveCallRecords
{
    public const string Policy = "pin-phone-provider-client";
    public const string ClientId = "pin-phone-provider";
    public const int MaxRecords = 10_000;
    public const int BatchSize = 500;
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    public sealed record RejectedRecord(int Position, IDictionary<string, string[]> Errors);

    /// <param name="Received">Records read from the body.</param>
    /// <param name="Accepted">New records stored.</param>
    /// <param name="Duplicates">Records whose call id was already held (or repeated in the body): left as they were.</param>
    /// <param name="Matched">New records whose dialled number is on the person's watchlist.</param>
    public sealed record CallRecordsReceived(int Received, int Accepted, int Duplicates, int Matched, IReadOnlyList<RejectedRecord> Rejected);

    public static void AddCallRecordsPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireClaim(HubClaims.ClientId, ClientId));

    public static void MapReceiveCallRecords(this WebApplication app, string serviceName) =>
        app.MapPost($"/api/{serviceName}/call-records", HandleAsync)
            .RequireAuthorization(Policy)
            .Accepts<CallRecordBody[]>("application/json", "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static async Task<Results<Ok<CallRecordsReceived>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, CallRecordBatch batches, PhoneNumberHasher hasher, TimeProvider time)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        var ct = http.RequestAborted;
        var reader = await CallRecordReader.OpenAsync(http.Request, ct);
        if (reader is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not call records.",
                detail: "Send one call record (a JSON object), a JSON array of them, or NDJSON with Content-Type application/x-ndjson.");

        var now = time.GetUtcNow();
        var rejected = new List<RejectedRecord>();
        var pending = new List<ValidCall>(BatchSize);
        int received = 0, accepted = 0, duplicates = 0, matched = 0;
        AuditRecord Audit(IReadOnlyList<string> people) => http.AuditRecord(AuditAction.Collection, people, CallRecordBatch.Purpose);

        async Task FlushAsync()
        {
            var outcome = await batches.StoreAsync(pending, Audit, ct);
            accepted += outcome.Accepted;
            duplicates += outcome.Duplicates;
            matched += outcome.Matched;
            pending.Clear();
        }

        try
        {
            await foreach (var item in reader.ReadAsync(ct))
            {
                if (item.Position > MaxRecords)
                {
                    rejected.Add(new RejectedRecord(item.Position, Problem("records", $"At most {MaxRecords} records in one request: this one and any after it were not read.")));
                    break;
                }

                received++;
                if (item.Element is not { } element)
                {
                    rejected.Add(new RejectedRecord(item.Position, Problem("record", item.Error ?? "Not a call record.")));
                    if (item.Fatal) break;
                    continue;
                }

                var (call, errors) = CallRecordInput.Validate(item.Position, element, hasher, now);
                if (call is null) rejected.Add(new RejectedRecord(item.Position, errors));
                else pending.Add(call);
                if (pending.Count == BatchSize) await FlushAsync();
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            rejected.Add(new RejectedRecord(received + 1, Problem("records", $"The body is larger than {MaxBodyBytes} bytes: the rest was not read.")));
        }

        await FlushAsync();
        if (reader.Kind == CallRecordReader.Shape.Single && rejected.Count > 0)
            return TypedResults.ValidationProblem(rejected[0].Errors, title: "The call record is not valid.");
        return TypedResults.Ok(new CallRecordsReceived(received, accepted, duplicates, matched, rejected));
    }

    private static Dictionary<string, string[]> Problem(string field, string message) => new() { [field] = [message] };
}
