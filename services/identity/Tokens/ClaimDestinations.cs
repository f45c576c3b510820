using System.Security.Claims;
using OpenIddict.Abstractions;
using PublicProtectionHub.Identity.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Tokens;

/// <summary>
/// Which token each claim goes into. Access tokens carry everything the APIs decide on; the
/// id token carries the profile or roles only when the client asked for those scopes. Claims
/// not listed (such as Identity's security stamp) go nowhere.
/// </summary>
internal static class ClaimDestinations
{
    private static readonly string[] AccessOnly = [Destinations.AccessToken];
    private static readonly string[] Both = [Destinations.AccessToken, Destinations.IdentityToken];

    public static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        Claims.Subject => Both,
        Claims.Name or Claims.PreferredUsername => IfScope(claim, Scopes.Profile),
        Claims.Role => IfScope(claim, Scopes.Roles),
        _ when ScopeClaims.All.Contains(claim.Type) => IfScope(claim, Scopes.Roles),
        _ => [],
    };

    private static string[] IfScope(Claim claim, string scope) =>
        claim.Subject is { } identity && identity.HasScope(scope) ? Both : AccessOnly;
}
