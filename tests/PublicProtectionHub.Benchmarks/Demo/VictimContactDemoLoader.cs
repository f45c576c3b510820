using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Demo;

/// <summary>
/// Loads <c>victimContactCases</c> of <c>infra/demo/demo-data.json</c> through victim-contact's own API, signed in (PKCE)
/// as the demo VLO of each case's unit: the case, its victims, contact log, orders and exclusion zones. Run by
/// <c>./hub up</c> once the services are ready; a case whose offender already has an open case of that unit is skipped.
/// </summary>
internal static class VictimContactDemoLoader
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static async Task<int> RunAsync()
    {
        var gateway = Gateway.FromEnvironment();
        if (await gateway.NotReadyAsync() is { } why) throw new InvalidOperationException($"the gateway is not ready: {why}");
        var file = JsonNode.Parse(File.ReadAllText(DemoFile.Path()))!.AsObject();
        var users = file["users"]!.AsArray();
        foreach (var demoCase in file["victimContactCases"]?.AsArray() ?? [])
        {
            var unit = (string)demoCase!["vloUnit"]!;
            var vlo = users.FirstOrDefault(u => (string?)u!["claims"]?["vlo-unit"] == unit)
                ?? throw new InvalidDataException($"No demo user has vlo-unit {unit}.");
            var token = await SignIn.UserTokenAsync(gateway, (string)vlo!["userName"]!, (string)vlo["password"]!, "openid profile victim-contact");
            using var http = gateway.NewClient(TimeSpan.FromSeconds(30), token);
            await LoadAsync(http, demoCase.AsObject());
        }

        return 0;
    }

    private static async Task LoadAsync(HttpClient http, JsonObject demo)
    {
        var person = (string)demo["nomsNumber"]!;
        var open = await http.GetFromJsonAsync<JsonElement>($"/api/victim-contact/cases?person={person}");
        if (open.GetArrayLength() > 0)
        {
            Console.WriteLine($"victim contact demo: {person} already has an open case; nothing loaded");
            return;
        }

        var sentence = demo["sentence"]!;
        var custodial = (string?)sentence["kind"] is "determinate" or "custodial" or "life";
        var caseId = (await PostAsync(http, "/api/victim-contact/cases", new
        {
            person, offenceCode = (string?)demo["offenceCode"],
            sentence = new
            {
                kind = custodial ? "custodial" : (string?)sentence["kind"],
                custodialMonths = custodial ? (int?)sentence["lengthMonths"] : null,
                sentencedOn = (string?)sentence["sentencedOn"],
            },
            referredOn = (string?)demo["referredOn"],
        })).GetProperty("id").GetGuid();

        var victims = new Dictionary<string, Guid>();
        foreach (var victim in demo["victims"]?.AsArray() ?? [])
        {
            var body = victim!.DeepClone().AsObject();
            body.Remove("reference");
            body["optedIn"] ??= true;
            victims[(string)victim["reference"]!] = (await PostAsync(http, $"/api/victim-contact/cases/{caseId}/victims", body)).GetProperty("id").GetGuid();
        }

        foreach (var contact in demo["contacts"]?.AsArray() ?? [])
        {
            var body = contact!.DeepClone().AsObject();
            if ((string?)contact["victim"] is { } reference) body["victimId"] = victims[reference].ToString();
            body.Remove("victim");
            await PostAsync(http, $"/api/victim-contact/cases/{caseId}/contacts", body);
        }

        foreach (var order in demo["orders"]?.AsArray() ?? [])
            await PostAsync(http, $"/api/victim-contact/cases/{caseId}/orders", new
            {
                reference = (string?)order!["reference"], kind = (string?)order["kind"],
                protectedVictims = (order["protects"]?.AsArray() ?? []).Select(v => victims[(string)v!]).ToArray(),
                prohibitedMeans = order["prohibitedMeans"], prohibitedNumbers = order["prohibitedNumbers"],
                prohibitedAddresses = order["prohibitedAddresses"],
                validFrom = LondonMidnight((string?)order["validFrom"]), validUntil = LondonMidnight((string?)order["validUntil"]),
            });

        foreach (var zone in demo["exclusionZones"]?.AsArray() ?? [])
            await PostAsync(http, $"/api/victim-contact/cases/{caseId}/exclusion-zones", new
            {
                name = (string?)zone!["name"], orderReference = (string?)zone["orderReference"], geoJson = zone["shape"], circle = zone["circle"],
                windows = (zone["windows"]?.AsArray() ?? []).Select(w => new { day = (string?)w!["day"], from = (string?)w["from"], to = (string?)w["to"] }),
                validFrom = LondonMidnight((string?)zone["validFrom"]), validUntil = LondonMidnight((string?)zone["validUntil"]),
            });

        Console.WriteLine($"victim contact demo: {person} loaded for {demo["vloUnit"]} ({victims.Count} victim(s))");
    }

    /// <summary>A date in the demo file is a London date: its start, as an instant.</summary>
    private static DateTimeOffset? LondonMidnight(string? date)
    {
        if (date is null) return null;
        var local = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
