using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Features.Login;
using PublicProtectionHub.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Features.Authorize;

/// <summary>
/// The authorization endpoint (code flow; OpenIddict has already checked the client, the
/// redirect URI and PKCE). Users without a session are sent to the login page and back.
/// </summary>
public static class Authorize
{
    public static IEndpointRouteBuilder MapAuthorize(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, SignInManager<HubUser> signIn, ClientRegistry clients, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (await clients.FindAsync(request.ClientId!, http.RequestAborted) is not { Disabled: false })
            return ServerResults.Forbid(Errors.UnauthorizedClient, "The client application is disabled.");

        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await signIn.UserManager.GetUserAsync(session.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return ServerResults.Forbid(Errors.LoginRequired, "The user is not signed in.");
            if (session.Succeeded)
                await signIn.SignOutAsync();
            return TypedResults.Redirect(LoginPage.Url(ReturnUrl(http, request)));
        }

        return ServerResults.SignIn(await principals.ForUserAsync(user, request.GetScopes()));
    }

    /// <summary>
    /// This same request, as a relative URL (it came through the gateway), without <c>prompt</c>
    /// so that coming back after signing in does not ask again.
    /// </summary>
    private static string ReturnUrl(HttpContext http, OpenIddictRequest request) =>
        http.Request.PathBase + http.Request.Path + QueryString.Create(request.GetParameters()
            .Where(p => p.Key != Parameters.Prompt)
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
}
