using Yarp.ReverseProxy.Transforms;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Gateway;

public static class Extensions
{
    /// <summary>Every API the gateway lets a token into; a route only admits tokens for its own service.</summary>
    private static readonly string[] Audiences =
        ["risk-of-harm", "mappa", "victim-contact", "telephone-monitoring", "case-record", "identity"];

    public static void AddGateway(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(ServiceAddresses.AsClusterDestinations(builder.Configuration));
        builder.AddHubAuthentication(Audiences);
        builder.AddGatewayRateLimits();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(t => t.AddRequestTransform(ForwardedRequest.ApplyAsync));
    }

    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        return app;
    }

    /// <summary>Authenticate, limit (by caller, so after authentication), authorise, then proxy.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapSignInPages();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseRouteAudience();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
