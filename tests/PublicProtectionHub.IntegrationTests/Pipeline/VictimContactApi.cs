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

    /// <summary>Adds a victim to a case and returns their id.</summary>
    public async Task<Guid> AddVictimAsync(Guid caseId, string name = "Harriet Unrealname", string phone = "07700 900321", bool optedIn = true)
    {
        using var vlo = await AsAsync("vlo.devon");
        using var response = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims", new
        {
            name, address = "3 Imaginary Close, Exeter EX99 9ZZ", phoneNumbers = new[] { phone }, email = "harriet.unrealname@example.org",
            preferredContactMethod = "phone", optedIn,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Records an order on a case and returns its id.</summary>
    public async Task<Guid> IssueOrderAsync(Guid caseId, Guid victimId, string reference, string[] numbers, DateTimeOffset? validUntil = null)
    {
        using var vlo = await AsAsync("vlo.devon");
        using var response = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/orders", new
        {
            reference, kind = "restraining-order", protectedVictims = new[] { victimId }, prohibitedMeans = new[] { "phone", "letter" },
            prohibitedNumbers = numbers, prohibitedAddresses = new[] { "3 Imaginary Close, Exeter EX99 9ZZ" },
            validFrom = "2026-01-01T00:00:00Z", validUntil,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
