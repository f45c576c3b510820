namespace PublicProtectionHub.Gateway;

/// <summary>
/// Routes live in <c>ReverseProxy</c> configuration; where each service listens comes from
/// <c>Services:{name}</c> (set by <c>./hub</c> or docker compose), one cluster per service.
/// </summary>
internal static class ServiceAddresses
{
    public static IEnumerable<KeyValuePair<string, string?>> AsClusterDestinations(IConfiguration configuration) =>
        configuration.GetSection("Services").GetChildren()
            .Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => new KeyValuePair<string, string?>($"ReverseProxy:Clusters:{s.Key}:Destinations:primary:Address", s.Value));
}
