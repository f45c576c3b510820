using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;

namespace PublicProtectionHub.Benchmarks.PublicApi;

/// <summary>
/// Tokens through the gateway as a real client gets them (Duende.IdentityModel): client credentials for
/// machine clients; for people the authorization code flow with PKCE, signing in on the hub's login page
/// as a browser would (the same flow as the pipeline tests' <c>Tokens</c>). The gateway limits sign-in
/// requests per address (<c>Gateway:RateLimit:SignIn</c>); a 429 is waited out as its Retry-After says.
/// </summary>
internal static partial class SignIn
{
    private const string Portal = "pph-portal";
    public const string CaseRecordScope = "openid profile case-record";

    public static async Task<string> ClientTokenAsync(Gateway gateway, string clientId, string secret, string scope)
    {
        using var http = gateway.NewClient(TimeSpan.FromSeconds(30));
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = scope,
        });
        return Required(response, clientId);
    }

    /// <summary>Authorize, sign in on the login page, follow redirects to the callback, redeem the code.</summary>
    public static async Task<string> UserTokenAsync(Gateway gateway, string userName, string password, string scope = CaseRecordScope)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var callbackUri = new Uri(gateway.Address, "/signin-callback").ToString();
        var authorize = new RequestUrl(new Uri(gateway.Address, "/connect/authorize").ToString()).CreateAuthorizeUrl(
            clientId: Portal, responseType: "code", scope: scope, redirectUri: callbackUri, state: state,
            codeChallenge: challenge, codeChallengeMethod: "S256");

        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var (page, html) = await FollowAsync(browser, new Uri(authorize), callbackUri);
        if (html is null) throw new InvalidOperationException($"Expected the login page, was sent to {page}.");

        var (action, fields) = Form(html, page);
        fields["userName"] = userName;
        fields["password"] = password;
        using var posted = await Gateway.SendHonouringRetryAfterAsync(browser,
            () => new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) });
        var callback = posted.Headers.Location is { } next
            ? (await FollowAsync(browser, new Uri(action, next), callbackUri)).Url
            : throw new InvalidOperationException($"Signing in as {userName} was refused ({(int)posted.StatusCode}).");

        var answer = new AuthorizeResponse(callback.ToString());
        if (answer.IsError || answer.State != state) throw new InvalidOperationException($"The authorize response was an error: {answer.Error}");

        using var http = gateway.NewClient(TimeSpan.FromSeconds(60));
        for (var attempt = 1; ; attempt++)
        {
            var token = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
            {
                Address = "/connect/token", ClientId = Portal, RedirectUri = callbackUri, CodeVerifier = verifier,
                Code = answer.Code ?? throw new InvalidOperationException("The authorize response had no code."),
            });
            if (token.HttpStatusCode != HttpStatusCode.TooManyRequests || attempt >= 60) return Required(token, userName);
            await Task.Delay(token.HttpResponse?.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Follows redirects until a page (returned with its HTML) or the client's redirect URI.</summary>
    private static async Task<(Uri Url, string? Html)> FollowAsync(HttpClient browser, Uri url, string callbackUri)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (url.ToString().StartsWith(callbackUri, StringComparison.Ordinal)) return (url, null);
            var current = url;
            using var response = await Gateway.SendHonouringRetryAfterAsync(browser, () => new HttpRequestMessage(HttpMethod.Get, current));
            if (response.Headers.Location is { } location)
            {
                url = new Uri(url, location);
                continue;
            }

            return response.IsSuccessStatusCode ? (url, await response.Content.ReadAsStringAsync())
                : throw new InvalidOperationException($"{url.AbsolutePath} answered {(int)response.StatusCode}.");
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

    private static string Required(TokenResponse response, string who) =>
        response.IsError ? throw new InvalidOperationException($"No token for {who}: {response.Error} {response.ErrorDescription}") : response.AccessToken!;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]*)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
