using Microsoft.AspNetCore.Identity;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Features.Login;
using PublicProtectionHub.Identity.Tokens;

namespace PublicProtectionHub.Identity.Features.EndSession;

/// <summary>
/// RP-initiated logout: ends the identity session, then OpenIddict redirects to the client's
/// registered post-logout URI (or to the login page when none is given).
/// </summary>
public static class EndSession
{
    public static IEndpointRouteBuilder MapEndSession(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(SignInManager<HubUser> signIn)
    {
        await signIn.SignOutAsync();
        return ServerResults.SignOut(LoginPage.Path);
    }
}
