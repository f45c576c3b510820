namespace PublicProtectionHub.Gateway;

public static class Extensions
{
    public static void AddGateway(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(ServiceAddresses.AsClusterDestinations(builder.Configuration));
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
    }
}
