using System.Text.Json;
using System.Text.RegularExpressions;
using OpenIddict.Abstractions;
using PublicProtectionHub.Identity.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Clients;

/// <summary>A client application as the rest of the service sees it.</summary>
public sealed record RegisteredClient(
    string ClientId,
    string? DisplayName,
    bool Disabled,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, string> Claims);

/// <summary>
/// Client applications in OpenIddict's store. Scope claims a client carries (e.g. <c>force</c>)
/// live in the application's <c>claims</c> property. Disabling a client sets its <c>disabled</c>
/// property (the record stays, so its id cannot be reissued to someone else) and revokes its
/// stored tokens; the token and authorize endpoints refuse disabled clients.
/// </summary>
internal sealed partial class ClientRegistry(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations)
{
    private const string ClaimsProperty = "claims";
    private const string DisabledProperty = "disabled";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    public static partial Regex ClientIdPattern();

    public async Task<RegisteredClient?> FindAsync(string clientId, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } application ? await ReadAsync(application, ct) : null;

    public async Task<List<RegisteredClient>> ListAsync(CancellationToken ct = default)
    {
        var result = new List<RegisteredClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
            result.Add(await ReadAsync(application, ct));
        return result.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
    }

    /// <summary>A confidential client-credentials client; a null secret keeps the current one.</summary>
    public Task SaveMachineClientAsync(string clientId, string displayName, string? secret,
        IEnumerable<string> scopes, IReadOnlyDictionary<string, string> claims, CancellationToken ct = default) =>
        SaveAsync(clientId, async (application, d) =>
        {
            d.ClientType = ClientTypes.Confidential;
            if (secret is not null && (application is null || !await applications.ValidateClientSecretAsync(application, secret, ct)))
                d.ClientSecret = secret;
            d.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
            d.Permissions.UnionWith(scopes.Select(s => Permissions.Prefixes.Scope + s));
        }, displayName, claims, ct);

    /// <summary>A public browser client: authorization code with PKCE, and refresh tokens.</summary>
    public Task SaveBrowserClientAsync(string clientId, string displayName, IEnumerable<Uri> redirectUris,
        IEnumerable<Uri> postLogoutRedirectUris, IEnumerable<string> scopes, CancellationToken ct = default) =>
        SaveAsync(clientId, (_, d) =>
        {
            d.ClientType = ClientTypes.Public;
            d.ClientSecret = null;
            d.ConsentType = ConsentTypes.Implicit;
            d.RedirectUris.UnionWith(redirectUris);
            d.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris);
            d.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            d.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            ]);
            d.Permissions.UnionWith(scopes.Where(ApiScopes.IsApiScope).Select(s => Permissions.Prefixes.Scope + s));
            return Task.CompletedTask;
        }, displayName, new Dictionary<string, string>(), ct);

    public async Task<bool> DisableAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return false;

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.Properties[DisabledProperty] = JsonSerializer.SerializeToElement(true);
        await applications.UpdateAsync(application, descriptor, ct);

        var id = await applications.GetIdAsync(application, ct);
        await tokens.RevokeByApplicationIdAsync(id!, ct);
        await authorizations.RevokeByApplicationIdAsync(id!, ct);
        return true;
    }

    private async Task SaveAsync(string clientId, Func<object?, OpenIddictApplicationDescriptor, Task> configure,
        string displayName, IReadOnlyDictionary<string, string> claims, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (application is not null)
            await applications.PopulateAsync(descriptor, application, ct);

        // Rebuilt from scratch each time; Properties are kept so a disabled client stays disabled.
        descriptor.ClientId = clientId;
        descriptor.DisplayName = displayName;
        descriptor.Permissions.Clear();
        descriptor.Requirements.Clear();
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.Properties[ClaimsProperty] = JsonSerializer.SerializeToElement(claims);
        await configure(application, descriptor);

        if (application is null)
            await applications.CreateAsync(descriptor, ct);
        else
            await applications.UpdateAsync(application, descriptor, ct);
    }

    private async Task<RegisteredClient> ReadAsync(object application, CancellationToken ct)
    {
        var permissions = await applications.GetPermissionsAsync(application, ct);
        var properties = await applications.GetPropertiesAsync(application, ct);
        var claims = properties.TryGetValue(ClaimsProperty, out var stored) && stored.ValueKind == JsonValueKind.Object
            ? stored.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String && ScopeClaims.All.Contains(p.Name))
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new RegisteredClient(
            (await applications.GetClientIdAsync(application, ct))!,
            await applications.GetDisplayNameAsync(application, ct),
            properties.TryGetValue(DisabledProperty, out var disabled) && disabled.ValueKind == JsonValueKind.True,
            WithPrefix(permissions, Permissions.Prefixes.GrantType),
            WithPrefix(permissions, Permissions.Prefixes.Scope),
            claims);
    }

    private static List<string> WithPrefix(IEnumerable<string> permissions, string prefix) =>
        permissions.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
}
