using System.Net;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using static PublicProtectionHub.IntegrationTests.Pipeline.TokenForge;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// Tokens the gateway and each service must refuse, on their own: the same requests go through the
/// gateway and straight to the service. Forgeries start from a real token of a user responsible for
/// the person, so each one differs from an accepted token in one way only.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TokenTests(HubStack stack)
{
    private const string PersonPath = "/api/case-record/people/A1234BC";
    private const string User = "sec.exeter";
    private static readonly string[] Routes = ["gateway", "service"];
    private static readonly string[] Leaks = ["expired", "lifetime", "signature", "issuer", "audience", "IDX", "kid", "alg", "none", "Exception"];

    public static TheoryData<string> Both => new(Routes);

    public static TheoryData<string, string> Refusals => Cross(
        "expired", "not yet valid", "wrong issuer", "wrong audience", "tampered claims", "alg none", "unknown signing key",
        "typ JWT instead of at+jwt", "id_token as access token", "machine client on a people-only endpoint");

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_token_from_the_identity_service_signed_with_the_new_key_is_accepted(string route)
    {
        var token = await stack.Tokens.ForUserAsync(User);
        Assert.Equal(stack.SigningKeys.New.Thumbprint, KeyIdOf(token), ignoreCase: true);

        using var response = await CallAsync(route, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task During_rotation_a_token_signed_with_the_old_key_is_still_accepted(string route)
    {
        var token = Sign(Payload(await stack.Tokens.ForUserAsync(User)), stack.SigningKeys.Old);

        using var response = await CallAsync(route, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_with_401_and_nothing_said_about_why(string forgery, string route)
    {
        var token = await ForgeAsync(forgery);

        using var response = await CallAsync(route, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", string.Join(", ", response.Headers.WwwAuthenticate));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Leaks, leak => body.Contains(leak, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> ForgeAsync(string forgery)
    {
        var real = await stack.Tokens.ForUserAsync(User);
        var now = DateTimeOffset.UtcNow;
        JsonObject Altered(Action<JsonObject> change)
        {
            var payload = Payload(real);
            change(payload);
            return payload;
        }

        return forgery switch
        {
            // Well beyond the services' 30 s clock skew.
            "expired" => Sign(Altered(p => (p["iat"], p["nbf"], p["exp"]) = (UnixTime(now.AddMinutes(-20)), UnixTime(now.AddMinutes(-20)), UnixTime(now.AddMinutes(-10)))), stack.SigningKeys.New),
            "not yet valid" => Sign(Altered(p => (p["iat"], p["nbf"], p["exp"]) = (UnixTime(now.AddMinutes(10)), UnixTime(now.AddMinutes(10)), UnixTime(now.AddMinutes(20)))), stack.SigningKeys.New),
            "wrong issuer" => Sign(Altered(p => p["iss"] = "https://issuer.example/"), stack.SigningKeys.New),
            "wrong audience" => Sign(Altered(p => p["aud"] = "mappa"), stack.SigningKeys.New),
            "tampered claims" => Tampered(real, "establishment", "CFI"),
            "alg none" => Unsigned(Payload(real)),
            "unknown signing key" => Sign(Payload(real), SigningKeys.Stranger()),
            "typ JWT instead of at+jwt" => Sign(Payload(real), stack.SigningKeys.New, type: "JWT"),
            "id_token as access token" => (await stack.Tokens.SignInAsync(User, stack.Demo.User(User).Password, "openid profile case-record")).IdentityToken!,
            "machine client on a people-only endpoint" => await stack.Tokens.ForClientAsync("hmpps-events"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };
    }

    private async Task<HttpResponseMessage> CallAsync(string route, string token)
    {
        using var http = stack.NewClient(route == "gateway" ? stack.Gateway : stack.Direct["case-record"]);
        http.SetBearerToken(token);
        return await http.GetAsync(PersonPath);
    }

    private static string? KeyIdOf(string token) => JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0]))?["kid"]?.GetValue<string>();

    private static TheoryData<string, string> Cross(params string[] forgeries)
    {
        var data = new TheoryData<string, string>();
        foreach (var forgery in forgeries)
        foreach (var route in Routes)
            data.Add(forgery, route);
        return data;
    }
}
