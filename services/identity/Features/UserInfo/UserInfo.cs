using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Features.UserInfo;

/// <summary>The userinfo endpoint: the signed-in user's claims, limited by the granted scopes.</summary>
public static class UserInfo
{
    public static IEndpointRouteBuilder MapUserInfo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, UserManager<HubUser> users)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (principal is null || user is null || user.Disabled)
            return ServerResults.Challenge(Errors.InvalidToken, "The access token is not valid for a user.");

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = user.Role;
            foreach (var claim in await users.GetClaimsAsync(user))
            {
                if (ScopeClaims.All.Contains(claim.Type))
                    claims[claim.Type] = claim.Value;
            }
        }

        return TypedResults.Ok(claims);
    }
}
