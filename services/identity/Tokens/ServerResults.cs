using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace PublicProtectionHub.Identity.Tokens;

/// <summary>Results that hand control back to OpenIddict to write the protocol response.</summary>
internal static class ServerResults
{
    private static readonly string[] Scheme = [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme];

    public static IResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    public static IResult Forbid(string error, string description) => TypedResults.Forbid(Error(error, description), Scheme);

    public static IResult Challenge(string error, string description) => TypedResults.Challenge(Error(error, description), Scheme);

    public static IResult SignOut(string redirectUri) =>
        TypedResults.SignOut(new AuthenticationProperties { RedirectUri = redirectUri }, Scheme);

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
