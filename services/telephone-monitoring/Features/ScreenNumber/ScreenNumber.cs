using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ScreenNumber;

/// <summary>
/// <c>GET /api/telephone-monitoring/screening?noms=…&amp;number=…</c>, for <c>pin-phone-provider</c> before it connects a
/// call: <c>{"decision":"block"}</c> with the order's reference when a prohibited-contact order in force now forbids the
/// prisoner that number, else <c>{"decision":"allow"}</c>. Nothing about the victim. Numbers of concern are watched, not
/// blocked: a block would tell the caller the number is known, and their calls raise alerts instead. Rate-limited per client
/// (<c>TelephoneMonitoring:Screening</c>, 429 problem with Retry-After) and every answer audited, refusals included,
/// so it cannot be used to find out which numbers belong to victims.
/// </summary>
public static class ScreenNumber
{
    public const string Purpose = "screen a dialled number before the PIN phone provider connects a call";
    public const string RateLimitPolicy = "screening";

    /// <param name="Decision"><c>allow</c> or <c>block</c>.</param>
    /// <param name="OrderReference">A block's prohibited-contact order.</param>
    public sealed record ScreeningDecision(string Decision, string? OrderReference = null);

    public static void AddScreeningRateLimit(this IServiceCollection services, ScreeningOptions options) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst(HubClaims.ClientId)?.Value ?? "ip:" + http.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokensPerPeriod = Math.Max(1, options.PermitsPerSecond), TokenLimit = Math.Max(1, options.Burst),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
                }));
        });

    public static void MapScreenNumber(this WebApplication app, string serviceName) =>
        app.MapGet($"/api/{serviceName}/screening", HandleAsync)
            .RequireAuthorization(ReceiveCallRecords.ReceiveCallRecords.Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static async Task<Results<Ok<ScreeningDecision>, ValidationProblem>> HandleAsync(
        string? noms, string? number, HttpContext http, ProhibitedNumbers prohibited, PhoneNumberHasher hasher, ScreeningAudit audit, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PersonIdentifier.IsNomsNumber(noms)) errors["noms"] = ["The prisoner's NOMS number, e.g. A1234BC."];
        var hashes = hasher.HashUnderEveryKey(number);
        if (hashes.Count == 0) errors["number"] = ["The dialled number, in any usual format."];
        if (errors.Count > 0)
        {
            await audit.WriteAsync(http.AuditRecord(AuditAction.Consultation, noms is not null && PersonIdentifier.IsNomsNumber(noms) ? [noms] : [],
                Purpose, AuditOutcome.Failed), http.RequestAborted);
            return TypedResults.ValidationProblem(errors);
        }

        var order = await prohibited.OrderForbiddingAsync(noms!, hashes, time.GetUtcNow(), http.RequestAborted);
        var decision = order is not null ? new ScreeningDecision("block", order) : new ScreeningDecision("allow");
        await audit.WriteAsync(http.AuditRecord(AuditAction.Consultation, [noms!], $"{Purpose}: answered {decision.Decision}"), http.RequestAborted);
        return TypedResults.Ok(decision);
    }

    /// <summary>A refusal is an answer too: audited (who, which prisoner), then a 429 problem.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancel)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        var noms = http.Request.Query["noms"].ToString();
        await http.RequestServices.GetRequiredService<ScreeningAudit>().WriteAsync(http.AuditRecord(AuditAction.Consultation,
            PersonIdentifier.IsNomsNumber(noms) ? [noms] : [], $"{Purpose}: refused, rate limit", AuditOutcome.Denied), cancel);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many screening requests.", Detail = $"Retry after {seconds} s." },
        });
    }
}
