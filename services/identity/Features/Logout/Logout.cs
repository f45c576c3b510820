using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Features.Login;

namespace PublicProtectionHub.Identity.Features.Logout;

/// <summary>Ends the identity session. A POST with an antiforgery token, so no other site can sign a user out.</summary>
public static class Logout
{
    private const string Path = "/account/logout";

    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery) => HtmlPage.Render(http, "Sign out", $"""
            <form method="post" action="{Path}">
            {HtmlPage.AntiforgeryField(http, antiforgery)}
            <button type="submit">Sign out</button>
            </form>
            """));
        app.MapPost(Path, async (SignInManager<HubUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPage.Path);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }
}
