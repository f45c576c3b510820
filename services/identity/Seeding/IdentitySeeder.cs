using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Seeding;

/// <summary>
/// At startup, before requests are served: one client-credentials client per service
/// (<c>Identity:ServiceClients</c>, secret <c>Identity:ServiceClientSecret</c>) and, when
/// <c>Demo:DataFile</c> is set, the demo users and clients. Idempotent: existing entries are
/// brought in line with the file. A bad entry is logged (by name and field) and skipped. Then the
/// practitioner directory snapshot: every practitioner account published once more.
/// </summary>
internal sealed partial class IdentitySeeder(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<IdentitySeeder> logger)
    : IHostedService
{
    public const string DevelopmentServiceSecret = "local-dev-service-secret";

    private static readonly string[] DefaultServiceClients =
        ["svc-case-record", "svc-risk-of-harm", "svc-mappa", "svc-victim-contact", "svc-telephone-monitoring"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        await SeedServiceClientsAsync(clients, cancellationToken);

        if (configuration["Demo:DataFile"] is { Length: > 0 } path)
        {
            var demo = await ReadAsync(path, cancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            foreach (var client in demo?.Clients ?? [])
                await SeedClientAsync(client, clients, users, cancellationToken);
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            foreach (var user in demo?.Users ?? [])
                await SeedUserAsync(user, accounts, cancellationToken);
        }

        LogDirectorySnapshot(await scope.ServiceProvider.GetRequiredService<PractitionerDirectorySnapshot>().PublishAsync(cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedServiceClientsAsync(ClientRegistry clients, CancellationToken ct)
    {
        var secret = configuration["Identity:ServiceClientSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            secret = DevelopmentServiceSecret;
            if (!environment.IsDevelopment())
                LogDefaultServiceSecret();
        }

        var ids = configuration.GetSection("Identity:ServiceClients").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : DefaultServiceClients;
        foreach (var id in ids)
            await clients.SaveMachineClientAsync(id, $"{id} (service-to-service)", secret, ApiScopes.All, new Dictionary<string, string>(), ct);
    }

    private async Task<DemoData?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<DemoData>(file, JsonSerializerOptions.Web, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // JsonException names the line and path, never the value.
            LogUnreadableDemoFile(e.GetType().Name, e is JsonException ? e.Message : "");
            return null;
        }
    }

    private async Task SeedClientAsync(DemoClient client, ClientRegistry clients, UserManager<HubUser> users, CancellationToken ct)
    {
        var id = client.ClientId;
        if (id is null || !ClientRegistry.ClientIdPattern().IsMatch(id))
        {
            LogSkippedClient(id ?? "(none)", "clientId");
            return;
        }

        if (await users.FindByNameAsync(id) is not null)
        {
            LogSkippedClient(id, "clientId (a user has that name)");
            return;
        }

        var grants = client.Grants ?? [];
        var scopes = (client.Scopes ?? []).Where(ApiScopes.IsApiScope).ToList();
        var displayName = string.IsNullOrWhiteSpace(client.DisplayName) ? id : client.DisplayName;
        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            var redirects = AbsoluteUris(client.RedirectUris);
            if (redirects.Count == 0)
            {
                LogSkippedClient(id, "redirectUris");
                return;
            }

            // Without post-logout URIs, let the client return to the origin of its redirect URIs.
            var postLogout = client.PostLogoutRedirectUris is { Count: > 0 }
                ? AbsoluteUris(client.PostLogoutRedirectUris)
                : redirects.Select(u => new Uri(u.GetLeftPart(UriPartial.Authority) + "/")).Distinct().ToList();
            await clients.SaveBrowserClientAsync(id, displayName, redirects, postLogout, scopes, ct);
        }
        else if (grants.Contains(GrantTypes.ClientCredentials))
        {
            var claims = DemoClaims.ToStrings(client.Claims);
            if (string.IsNullOrEmpty(client.ClientSecret))
                LogSkippedClient(id, "clientSecret");
            else if (ScopeClaims.Validate(HubRoles.Machine, claims).FirstOrDefault() is { Field: { } field })
                LogSkippedClient(id, field);
            else
                await clients.SaveMachineClientAsync(id, displayName, client.ClientSecret, scopes, claims, ct);
        }
        else
        {
            LogSkippedClient(id, "grants");
        }
    }

    private async Task SeedUserAsync(DemoUser user, UserAccounts accounts, CancellationToken ct)
    {
        var claims = DemoClaims.ToStrings(user.Claims);
        var errors = UserAccounts.Validate(user.UserName, user.DisplayName, user.Role, claims);
        if (string.IsNullOrEmpty(user.Password))
            errors["password"] = ["Required."];
        if (errors.Count > 0)
        {
            LogSkippedUser(user.UserName ?? "(none)", $"missing or invalid {string.Join(", ", errors.Keys)}");
            return;
        }

        var result = await accounts.SaveAsync(
            new UserDetails(user.UserName!, user.DisplayName!, user.Role!, claims), user.Password!, updateExisting: true, ct);
        if (result.Outcome is SaveOutcome.Invalid or SaveOutcome.Conflict)
            LogSkippedUser(user.UserName!, result.Outcome == SaveOutcome.Conflict
                ? "a client has that id"
                : string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>
    /// Absolute URIs as given; a path such as <c>/signin-callback</c> is on the gateway's public URL,
    /// so the demo portal client works whichever port the gateway listens on.
    /// </summary>
    private List<Uri> AbsoluteUris(IEnumerable<string>? values)
    {
        var gateway = configuration["Hub:GatewayUrl"] is { } url ? new Uri(url.TrimEnd('/') + "/") : null;
        return (values ?? [])
            .Select(v => v.StartsWith('/') && gateway is not null ? new Uri(gateway, v.TrimStart('/'))
                : Uri.TryCreate(v, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();
    }

    [LoggerMessage(LogLevel.Warning, "Identity:ServiceClientSecret is not set: service clients use the local development secret")]
    private partial void LogDefaultServiceSecret();

    [LoggerMessage(LogLevel.Error, "Demo data file could not be read ({Error}) {Detail}; no demo users or clients were seeded")]
    private partial void LogUnreadableDemoFile(string error, string detail);

    [LoggerMessage(LogLevel.Error, "Demo client {ClientId} skipped: missing or invalid {Field}")]
    private partial void LogSkippedClient(string clientId, string field);

    [LoggerMessage(LogLevel.Information, "Practitioner directory snapshot: {Count} accounts published")]
    private partial void LogDirectorySnapshot(int count);

    [LoggerMessage(LogLevel.Error, "Demo user {UserName} skipped: {Reason}")]
    private partial void LogSkippedUser(string userName, string reason);
}
