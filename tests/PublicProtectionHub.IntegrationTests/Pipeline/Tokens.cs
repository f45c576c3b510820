using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// Gets real tokens from the identity service through the gateway with a real OIDC client library
/// (Duende.IdentityModel): client credentials for machine clients, and for people the authorization
/// code flow with PKCE, signing in on the hub's login page as a browser would.
/// </summary>
public sealed partial class Tokens(Uri gateway, DemoData demo) : IDisposable
{
    public const string Portal = "pph-portal";
    public const string ApiScopes = "risk-of-harm mappa victim-contact telephone-monitoring case-record identity";
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _cache = new();

    public string RedirectUri => new Uri(gateway, "/signin-callback").ToString();

    public Task<string> ForUserAsync(string userName) =>
        _cache.GetOrAdd($"user:{userName}", _ => new(async () => Required(await SignInAsync(userName, demo.User(userName).Password, $"openid profile {ApiScopes}")))).Value;

    public Task<string> ForClientAsync(string clientId) =>
        _cache.GetOrAdd($"client:{clientId}", _ => new(async () => Required(await ClientCredentialsAsync(clientId)))).Value;

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string? scope = null)
    {
        var client = demo.Client(clientId);
        return _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = clientId,
            ClientSecret = client.ClientSecret,
            Scope = scope ?? string.Join(' ', client.Scopes),
        });
    }

    /// <summary>Authorization code + PKCE: authorize, sign in on the login page, follow redirects, redeem the code.</summary>
    public async Task<TokenResponse> SignInAsync(string userName, string password, string scope)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = new RequestUrl(new Uri(gateway, "/connect/authorize").ToString()).CreateAuthorizeUrl(
            clientId: Portal, responseType: "code", scope: scope, redirectUri: RedirectUri, state: state,
            codeChallenge: challenge, codeChallengeMethod: "S256");

        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var (page, html) = await FollowAsync(browser, new Uri(authorize));
        if (html is null) throw new InvalidOperationException($"Expected the login page, was sent to {page}.");

        var form = Form(html, page);
        form.Fields["userName"] = userName;
        form.Fields["password"] = password;
        using var posted = await browser.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        var callback = posted.Headers.Location is { } next
            ? (await FollowAsync(browser, new Uri(form.Action, next))).Url
            : throw new InvalidOperationException(
                $"Signing in as {userName} was refused ({(int)posted.StatusCode}): {await posted.Content.ReadAsStringAsync()}");

        var response = new AuthorizeResponse(callback.ToString());
        if (response.IsError || response.State != state)
            throw new InvalidOperationException($"The authorize response was an error: {response.Error}");

        return await _http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token",
            ClientId = Portal,
            Code = response.Code ?? throw new InvalidOperationException("The authorize response had no code."),
            RedirectUri = RedirectUri,
            CodeVerifier = verifier,
        });
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Follows redirects until a page (returned with its HTML) or the client's redirect URI.</summary>
    private async Task<(Uri Url, string? Html)> FollowAsync(HttpClient browser, Uri url)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (url.ToString().StartsWith(RedirectUri, StringComparison.Ordinal)) return (url, null);
            using var response = await browser.GetAsync(url);
            if (response.Headers.Location is { } location)
            {
                url = new Uri(url, location);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? (url, html)
                : throw new InvalidOperationException($"{url.AbsolutePath} answered {(int)response.StatusCode}: {html}");
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    private static (Uri Action, Dictionary<string, string> Fields) Form(string html, Uri page)
    {
        var action = FormAction().Match(html) is { Success: true } m ? new Uri(page, WebUtility.HtmlDecode(m.Groups[1].Value)) : page;
        var fields = HiddenInput().Matches(html).ToDictionary(
            i => WebUtility.HtmlDecode(i.Groups["name"].Value), i => WebUtility.HtmlDecode(i.Groups["value"].Value));
        return (action, fields);
    }

    private static string Required(TokenResponse response) =>
        response.IsError ? throw new InvalidOperationException($"No token: {response.Error} {response.ErrorDescription}") : response.AccessToken!;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]*)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
