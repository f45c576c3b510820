using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Features.Token;

/// <summary>
/// The token endpoint. OpenIddict has authenticated the client and rejected grants that are not
/// enabled (password, implicit); here the principal for the token is built.
/// </summary>
public static class Token
{
    public static IEndpointRouteBuilder MapToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, SignInManager<HubUser> signIn, ClientRegistry clients, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (await clients.FindAsync(request.ClientId!, http.RequestAborted) is not { Disabled: false } client)
            return ServerResults.Forbid(Errors.InvalidClient, "The client application is disabled.");

        if (request.IsClientCredentialsGrantType())
        {
            // Without a scope parameter a machine client gets every scope it is permitted.
            var scopes = request.GetScopes() is { IsEmpty: false } requested ? requested.ToList() : client.Scopes;
            return ServerResults.SignIn(TokenPrincipals.ForClient(client, scopes));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // Re-read the user: a role, a scope claim or the disabled flag may have changed since the code was issued.
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } id ? await signIn.UserManager.FindByIdAsync(id) : null;
            if (granted is null || user is null || !await signIn.CanSignInAsync(user))
                return ServerResults.Forbid(Errors.InvalidGrant, "The grant is no longer valid.");
            return ServerResults.SignIn(await principals.ForUserAsync(user, granted.GetScopes()));
        }

        return ServerResults.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
