using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>The admin API and what it means for signing in: new users can, locked-out and disabled ones cannot.</summary>
[Collection(PipelineCollection.Name)]
public sealed class IdentityAdminTests(HubStack stack)
{
    private const string Password = "Test-Password-For-Admin-Api-2026!";

    [Fact]
    public async Task An_administrator_creates_a_user_who_signs_in_with_their_role_and_scope_claim()
    {
        var userName = await CreateUserAsync("prison-security", new() { ["establishment"] = "EXI" });

        var token = await stack.Tokens.SignInAsync(userName, Password, "openid case-record");

        Assert.False(token.IsError, token.Error);
        var claims = new JsonWebToken(token.AccessToken);
        Assert.Equal(("prison-security", "EXI"), (claims.GetClaim("role").Value, claims.GetClaim("establishment").Value));
    }

    [Fact]
    public async Task A_duty_officer_created_by_an_administrator_has_the_duty_claim_in_their_token()
    {
        // A made-up prison: a demo prison would gain a duty officer that the push tests do not expect.
        var userName = await CreateUserAsync("prison-security", new() { ["establishment"] = "TSI", ["duty"] = "true" });

        var token = await stack.Tokens.SignInAsync(userName, Password, "openid case-record");

        Assert.False(token.IsError, token.Error);
        Assert.Equal("true", new JsonWebToken(token.AccessToken).GetClaim("duty").Value);
    }

    [Fact]
    public async Task The_demo_duty_officers_have_the_duty_claim_and_the_others_do_not()
    {
        var duty = new JsonWebToken(await stack.Tokens.ForUserAsync("duty.exeter"));
        var security = new JsonWebToken(await stack.Tokens.ForUserAsync("sec.exeter"));

        Assert.Equal(("true", "EXI"), (duty.GetClaim("duty").Value, duty.GetClaim("establishment").Value));
        Assert.False(security.TryGetClaim("duty", out _));
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused()
    {
        var userName = await CreateUserAsync("police", new() { ["force"] = "devon-cornwall" });

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => stack.Tokens.SignInAsync(userName, "wrong-password", "openid"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => stack.Tokens.SignInAsync(userName, Password, "openid"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_is_listed_as_disabled()
    {
        var userName = await CreateUserAsync("mappa-coordinator", new() { ["mappa-area"] = "devon-cornwall" });
        using var admin = await AdminClientAsync();

        using var disabled = await admin.PostAsync($"/api/identity/users/{userName}/disable", null);
        Assert.True(disabled.IsSuccessStatusCode, $"disable answered {(int)disabled.StatusCode}");

        await Assert.ThrowsAsync<InvalidOperationException>(() => stack.Tokens.SignInAsync(userName, Password, "openid"));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/identity/users");
        var listed = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.True(listed.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_user_without_the_scope_claim_their_role_needs_is_refused_without_echoing_input()
    {
        using var admin = await AdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "no.claim." + Suffix(), password = Password, displayName = "Secret Name", role = "prison-security", claims = new { },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Secret Name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> CreateUserAsync(string role, Dictionary<string, string> claims)
    {
        var userName = $"test.{role}.{Suffix()}";
        using var admin = await AdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new { userName, password = Password, displayName = "Test user", role, claims });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync("admin"));
        return http;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
