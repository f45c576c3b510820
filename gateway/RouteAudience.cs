using PublicProtectionHub.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace PublicProtectionHub.Gateway;

/// <summary>
/// A token passes the edge only to a service it was issued for: unless a route is anonymous, its
/// token's <c>aud</c> must name the route's service (route metadata <c>Audience</c>, else the
/// cluster id). Runs inside the proxy pipeline, after authorisation; services validate again.
/// </summary>
internal static class RouteAudience
{
    public const string AudienceClaim = "aud";

    public static IReverseProxyApplicationBuilder UseRouteAudience(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use((context, next) =>
        {
            var route = context.GetReverseProxyFeature().Route.Config;
            return IsAnonymous(route) || context.User.HasClaim(AudienceClaim, AudienceOf(route))
                ? next(context)
                : RejectAsync(context);
        });
        return proxy;
    }

    private static bool IsAnonymous(RouteConfig route) =>
        string.Equals(route.AuthorizationPolicy, "anonymous", StringComparison.OrdinalIgnoreCase);

    private static string AudienceOf(RouteConfig route) =>
        route.Metadata?.GetValueOrDefault("Audience") ?? route.ClusterId ?? "";

    private static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Authentication is required." },
        });
    }
}
