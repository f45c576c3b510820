using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Features.ReceiveHmppsEvent;

/// <summary>
/// <c>POST /api/case-record/integrations/hmpps-events</c>: an HMPPS domain event from the machine client
/// <c>hmpps-events</c>. 202 when accepted (applied, or recorded and ignored), 400 problem naming the fields
/// that are wrong (never their values), 503 when the event's detail could not be fetched (nothing recorded).
/// Nothing of the event is echoed.
/// </summary>
public static class ReceiveHmppsEvent
{
    public const string Policy = "hmpps-events-client";
    public const string ClientId = "hmpps-events";
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The envelope, for the OpenAPI description only: the body is read raw so its hash is of what was sent.</summary>
    public sealed record Envelope(
        string EventType, int? Version, DateTimeOffset OccurredAt, string? Description, string? DetailUrl,
        Dictionary<string, object>? AdditionalInformation, PersonReferenceBody PersonReference);

    public sealed record PersonReferenceBody(IReadOnlyList<IdentifierBody> Identifiers);

    public sealed record IdentifierBody(string Type, string Value);

    public static void AddHmppsEventsPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireClaim(HubClaims.ClientId, ClientId));

    public static void MapReceiveHmppsEvent(this WebApplication app, string serviceName) =>
        app.MapPost($"/api/{serviceName}/integrations/hmpps-events", HandleAsync)
            .RequireAuthorization(Policy)
            .Accepts<Envelope>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, HmppsEventDetails details, DetailNotFoundRecorder notFound, HmppsEventHandler handler)
    {
        var body = await ReadBodyAsync(http);
        if (body is null)
            return TypedResults.Problem(title: "The event is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);

        var (e, errors) = HmppsEventReader.Read(body);
        if (e is null) return TypedResults.ValidationProblem(errors, title: "The HMPPS event is not valid.");

        EnrichedHmppsEvent enriched;
        try
        {
            enriched = await details.EnrichAsync(e, http.RequestAborted);
        }
        catch (HmppsDetailUnavailableException)
        {
            // Nothing was recorded, so the same event sent again is applied, not taken for a replay.
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(title: "The event's detail could not be fetched.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "Nothing was recorded. Send the event again shortly.");
        }

        if (enriched.Errors.Count > 0) return TypedResults.ValidationProblem(enriched.Errors, title: "The HMPPS event is not valid.");
        AuditRecordFactory audit = (action, records, purpose) => http.AuditRecord(action, records, purpose);
        if (enriched.DetailNotFound) await notFound.RecordAsync(enriched.Event, audit, http.RequestAborted);
        else await handler.HandleAsync(enriched.Event, audit, http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
