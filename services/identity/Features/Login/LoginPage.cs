using Microsoft.AspNetCore.Antiforgery;

namespace PublicProtectionHub.Identity.Features.Login;

internal static class LoginPage
{
    public const string Path = "/account/login";

    public static string Url(string returnUrl) => Path + QueryString.Create("returnUrl", returnUrl);

    public static IResult Render(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        HtmlPage.Render(http, "Sign in", $"""
            {(error is null ? "" : $"""<p class="error" role="alert">{HtmlPage.Encode(error)}</p>""")}
            <form method="post" action="{Path}">
            {HtmlPage.AntiforgeryField(http, antiforgery)}
            <input type="hidden" name="returnUrl" value="{HtmlPage.Encode(returnUrl)}">
            <label for="userName">User name</label>
            <input id="userName" name="userName" autocomplete="username" required autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            """);
}
