using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace PublicProtectionHub.Identity.Features;

/// <summary>The few server-rendered pages (login, logout): plain HTML, no script, not cacheable, not frameable.</summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string AntiforgeryField(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";
    }

    public static IResult Render(HttpContext http, string title, string body)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} – Public Protection Hub</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; }
            label, input, button { display: block; width: 100%; box-sizing: border-box; }
            input { margin: .25rem 0 1rem; padding: .5rem; }
            button { padding: .6rem; }
            .error { color: #b00020; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{Encode(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }
}
