using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class SignInTests(HubStack stack)
{
    [Fact]
    public async Task Discovery_through_the_gateway_names_the_gateway_as_issuer_and_its_keys_are_reachable()
    {
        using var http = stack.NewClient();
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = stack.Gateway.ToString(),
            Policy = { RequireHttps = false },
        });

        Assert.False(discovery.IsError, discovery.Error);
        Assert.Equal(stack.Gateway.ToString().TrimEnd('/'), discovery.Issuer!.TrimEnd('/'));
        Assert.NotEmpty(discovery.KeySet!.Keys);
        Assert.StartsWith(stack.Gateway.ToString(), discovery.TokenEndpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_machine_client_gets_a_signed_access_token_for_its_own_api_only()
    {
        var response = await stack.Tokens.ClientCredentialsAsync("hmpps-events");
        Assert.False(response.IsError, response.Error);

        var token = new JsonWebToken(response.AccessToken);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(stack.Gateway.ToString().TrimEnd('/'), token.Issuer.TrimEnd('/'));
        Assert.Equal(["case-record"], token.Audiences);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
        Assert.Equal("hmpps-events", token.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task A_practitioner_signs_in_with_code_and_pkce_and_sees_only_the_people_they_are_responsible_for()
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync("sec.exeter"));

        using var mine = await http.GetAsync("/api/case-record/people/A1234BC");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var person = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("EXI", person.GetProperty("responsibilities").GetProperty("establishmentCode").GetString());

        using var elsewhere = await http.GetAsync("/api/case-record/people/A4567EF");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_user_exists()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => stack.Tokens.SignInAsync("sec.exeter", "not-the-password", "openid case-record"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stack.Tokens.SignInAsync("nobody.here", "not-the-password", "openid case-record"));
    }

    [Fact]
    public async Task A_refresh_token_from_the_code_flow_gets_a_new_access_token()
    {
        var signedIn = await stack.Tokens.SignInAsync("omu.exeter", stack.Demo.User("omu.exeter").Password, "openid offline_access case-record");
        Assert.False(string.IsNullOrEmpty(signedIn.RefreshToken), "no refresh token was issued");

        using var http = stack.NewClient();
        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = Tokens.Portal, RefreshToken = signedIn.RefreshToken!,
        });

        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(signedIn.AccessToken, refreshed.AccessToken);
        Assert.Equal("omu.exeter", new JsonWebToken(refreshed.AccessToken).Subject);
    }
}
