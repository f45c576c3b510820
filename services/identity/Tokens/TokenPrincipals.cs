using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Tokens;

/// <summary>Builds the principal OpenIddict turns into tokens, for a user or a machine client.</summary>
internal sealed class TokenPrincipals(UserManager<HubUser> users)
{
    public async Task<ClaimsPrincipal> ForUserAsync(HubUser user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Role, user.Role);
        foreach (var claim in await users.GetClaimsAsync(user))
        {
            if (ScopeClaims.All.Contains(claim.Type))
                identity.AddClaim(claim.Type, claim.Value);
        }

        // The identity (admin) API is only ever an audience for administrators.
        return Complete(identity, scopes.Where(s => s != ApiScopes.Identity || user.Role == HubRoles.Admin));
    }

    public static ClaimsPrincipal ForClient(RegisteredClient client, IEnumerable<string> scopes)
    {
        // sub is the client id: user names may never equal a client id (checked on creation).
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName ?? client.ClientId)
            .SetClaim(Claims.Role, HubRoles.Machine);
        foreach (var (type, value) in client.Claims)
            identity.AddClaim(type, value);
        return Complete(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Complete(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.Distinct(StringComparer.Ordinal).ToList();
        identity.SetScopes(granted);
        identity.SetResources(ApiScopes.ResourcesFor(granted));
        identity.SetDestinations(ClaimDestinations.For);
        return new ClaimsPrincipal(identity);
    }
}
