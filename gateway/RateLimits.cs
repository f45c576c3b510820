using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Gateway;

/// <summary>
/// Token buckets named by routes' <c>RateLimiterPolicy</c>: <c>per-caller</c> (API routes, keyed by
/// the token's <c>sub</c>, else <c>client_id</c>, else the remote address) and <c>sign-in</c>
/// (<c>/connect</c>, <c>/account</c>: per remote address, against password guessing).
/// A machine client may have a bucket of its own size. A rejection is a 429 problem with <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    public const string PerCaller = "per-caller";
    public const string SignIn = "sign-in";

    public static void AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration.GetSection("Gateway:RateLimit");
        var perCaller = Bucket(config, 100, 200);
        var signIn = Bucket(config.GetSection("SignIn"), 10, 50);
        // Machine clients whose volume is known and larger, e.g. the PIN phone provider screening every call before it
        // connects: Gateway:RateLimit:Clients:{clientId}:PermitsPerSecond / :Burst. The service may limit them itself too.
        var clients = config.GetSection("Clients").GetChildren()
            .ToDictionary(c => c.Key, c => Bucket(c, 100, 200));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(PerCaller, http => http.User.FindFirst(HubClaims.ClientId)?.Value is { } client && clients.TryGetValue(client, out var own)
                ? RateLimitPartition.GetTokenBucketLimiter("client:" + client, _ => own)
                : RateLimitPartition.GetTokenBucketLimiter(CallerOf(http), _ => perCaller));
            o.AddPolicy(SignIn, http => RateLimitPartition.GetTokenBucketLimiter(AddressOf(http), _ => signIn));
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(IConfiguration section, int permitsPerSecond, int burst) => new()
    {
        TokensPerPeriod = Math.Max(1, section.GetValue("PermitsPerSecond", permitsPerSecond)),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        TokenLimit = Math.Max(1, section.GetValue("Burst", burst)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string CallerOf(HttpContext http) =>
        http.User.FindFirst(HubClaims.Subject)?.Value is { Length: > 0 } sub ? "sub:" + sub
        : http.User.FindFirst(HubClaims.ClientId)?.Value is { Length: > 0 } client ? "client:" + client
        : AddressOf(http);

    private static string AddressOf(HttpContext http) => "ip:" + http.Connection.RemoteIpAddress;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancel)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Retry after {seconds} s.",
            },
        });
    }
}
