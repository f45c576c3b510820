using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PublicProtectionHub.Identity.Data;

namespace PublicProtectionHub.Identity.Features.Login;

/// <summary>
/// The sign-in form. Every failure (unknown user, wrong password, locked out, disabled) shows
/// the same message; wrong passwords count towards lockout.
/// </summary>
public static class Login
{
    // Properties rather than a positional record, so that a missing field binds as null, not a 400.
    public sealed record LoginForm
    {
        public string? UserName { get; init; }
        public string? Password { get; init; }
        public string? ReturnUrl { get; init; }
    }

    private const string Failure = "Sign-in failed. Check your user name and password; if the problem continues, contact your administrator.";

    private static string? dummyHash;

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPage.Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage.Render(http, antiforgery, LocalOrNull(returnUrl), error: null));
        app.MapPost(LoginPage.Path, SignInAsync);
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery,
        SignInManager<HubUser> signIn, IPasswordHasher<HubUser> hasher)
    {
        var returnUrl = LocalOrNull(form.ReturnUrl);
        var user = string.IsNullOrWhiteSpace(form.UserName) ? null : await signIn.UserManager.FindByNameAsync(form.UserName.Trim());
        if (user is null)
        {
            // Take as long as a real password check, so timing does not tell which user names exist.
            dummyHash ??= hasher.HashPassword(new HubUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new HubUser(), dummyHash, form.Password ?? "");
            return LoginPage.Render(http, antiforgery, returnUrl, Failure);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.LocalRedirect(returnUrl ?? "/")
            : LoginPage.Render(http, antiforgery, returnUrl, Failure);
    }

    private static string? LocalOrNull(string? url) => RedirectHttpResult.IsLocalUrl(url) ? url : null;
}
