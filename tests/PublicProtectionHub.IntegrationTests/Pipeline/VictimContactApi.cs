using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Calls victim-contact through the gateway as a demo user, for the victim contact tests.</summary>
public sealed class VictimContactApi(HubStack stack)
{
    public static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<HttpClient> AsAsync(string userName)
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(userName));
        return http;
    }

    public async Task<JsonElement> OpenCaseAsync(string person = "A1234BC", string offenceCode = "S47-ABH", string sentencedOn = "2026-06-01",
        string? referredOn = null)
    {
        using var vlo = await AsAsync("vlo.devon");
        using var response = await vlo.PostAsJsonAsync("/api/victim-contact/cases", new
        {
            person, offenceCode, sentence = new { kind = "custodial", custodialMonths = 48, sentencedOn }, referredOn,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
