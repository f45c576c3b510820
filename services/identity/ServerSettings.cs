namespace PublicProtectionHub.Identity;

/// <summary>
/// <c>Hub:GatewayUrl</c> is the public address every token names as its issuer;
/// <c>Hub:StateDir</c> holds the local signing keys; lifetimes are <c>hh:mm:ss</c>.
/// </summary>
internal sealed record ServerSettings(Uri Issuer, string StateDir, TimeSpan AccessTokenLifetime, TimeSpan RefreshTokenLifetime)
{
    public static ServerSettings From(IConfiguration configuration, IHostEnvironment environment) => new(
        new Uri(configuration["Hub:GatewayUrl"] ?? "http://127.0.0.1:5080", UriKind.Absolute),
        Path.Combine(environment.ContentRootPath, configuration["Hub:StateDir"] ?? ".hub"),
        configuration.GetValue<TimeSpan?>("Identity:AccessTokenLifetime") ?? TimeSpan.FromMinutes(10),
        configuration.GetValue<TimeSpan?>("Identity:RefreshTokenLifetime") ?? TimeSpan.FromHours(8));

    public bool IsLocalPlainHttp => Issuer.Scheme == Uri.UriSchemeHttp && Issuer.IsLoopback;
}
