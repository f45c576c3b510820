using System.Security.Cryptography;
using System.Text.Encodings.Web;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Gateway;

/// <summary>
/// The demo sign-in for people, served by the gateway itself (not proxied, anonymous):
/// <c>/signin</c> starts the authorization code flow with PKCE for the public client
/// <c>pph-portal</c>; <c>/signin-callback</c> (its redirect URI) redeems the code in the browser
/// and shows the access token and its claims. Static pages; their inline script and style run
/// only under a per-request CSP nonce.
/// </summary>
internal static class SignInPages
{
    private const string NoncePlaceholder = "{{NONCE}}";

    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        // Pages know the public URL, since the redirect URI is registered on it, not on whatever host the browser used.
        var gateway = (app.ServiceProvider.GetRequiredService<IConfiguration>()["Hub:GatewayUrl"]
                       ?? AuthenticationExtensions.DefaultGatewayUrl).TrimEnd('/');
        var signIn = Load("signin.html", gateway);
        var callback = Load("signin-callback.html", gateway);

        app.MapGet("/signin", (HttpContext http) => Render(http, signIn)).AllowAnonymous();
        app.MapGet("/signin-callback", (HttpContext http) => Render(http, callback)).AllowAnonymous();
        return app;
    }

    private static IResult Render(HttpContext http, string page)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; " +
            "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
        return TypedResults.Content(page.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    private static string Load(string name, string gateway)
    {
        using var stream = typeof(SignInPages).Assembly.GetManifestResourceStream("SignIn." + name)
                           ?? throw new InvalidOperationException($"The embedded page {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{GATEWAY}}", HtmlEncoder.Default.Encode(gateway), StringComparison.Ordinal);
    }
}
