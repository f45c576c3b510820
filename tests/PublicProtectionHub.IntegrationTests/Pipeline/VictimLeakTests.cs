using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// The victim's details never leave victim-contact: every message published on the broker (RabbitMQ's firehose: every
/// exchange, error queues included) and every log line of every service while a case with a victim is created, its
/// order varied and its zone breached, searched for the victim's name, address, e-mail and phone number in any format.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class VictimLeakTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);
    private const string Name = "Philippa Nevername", Address = "88 Nowhere Crescent, Torquay TQ99 9ZZ", Email = "p.nevername@example.org";
    private const string Phone = "07700 900777", Subscriber = "7700900777";

    [Fact]
    public async Task Nothing_about_the_victim_appears_on_the_bus_or_in_any_log()
    {
        var logsBefore = stack.AllOutput.Count();
        await using var bus = await BusCapture.EverythingAsync(stack);
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var added = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims", new
        {
            name = Name, address = Address, phoneNumbers = new[] { Phone, "+44 (0)1632 960777" }, email = Email, preferredContactMethod = "email",
            needs = "Lives with Philippa's mother", optedIn = true,
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var victimId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The victim's details are corrected, and they opt out and back in.
        using var corrected = await vlo.PutAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims/{victimId}", new
        {
            name = Name, address = Address, phoneNumbers = new[] { "+44 7700 900777" }, email = Email, preferredContactMethod = "phone",
        });
        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        foreach (var optedIn in new[] { false, true })
            Assert.Equal(HttpStatusCode.NoContent,
                (await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims/{victimId}/opt-in", new { optedIn })).StatusCode);

        var orderId = await _api.IssueOrderAsync(caseId, victimId, $"LEAK-{Guid.NewGuid():N}"[..20], ["0044 7700-900777", "+441632960777"]);
        using var varied = await vlo.PutAsJsonAsync($"/api/victim-contact/cases/{caseId}/orders/{orderId}", new
        {
            kind = "restraining-order", protectedVictims = new[] { victimId }, prohibitedMeans = new[] { "phone", "visit" },
            prohibitedNumbers = new[] { "(07700) 900 777" }, prohibitedAddresses = new[] { Address }, validFrom = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.OK, varied.StatusCode);
        // A bad number on a variation is refused without echoing it.
        using var refused = await vlo.PutAsJsonAsync($"/api/victim-contact/cases/{caseId}/orders/{orderId}", new
        {
            kind = "restraining-order", protectedVictims = new[] { victimId }, prohibitedMeans = new[] { "phone" },
            prohibitedNumbers = new[] { "07700 900777 ext Philippa" }, validFrom = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var zone = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/exclusion-zones", new
        {
            name = "Torquay harbour zone",
            circle = new { latitude = 50.4600, longitude = -3.5250, radiusMetres = 300 },
            windows = Array.Empty<object>(), validFrom = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        var zoneId = (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var police = await _api.AsAsync("police.devon");
        using var breach = await police.PostAsJsonAsync($"/api/victim-contact/exclusion-zones/{zoneId}/breaches",
            new { latitude = 50.4601, longitude = -3.5251, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, breach.StatusCode);

        // Everything the actions caused has been published (case-record's reactions included) before the search.
        await Eventually.Until(() => Task.FromResult(bus.Messages.Any(m => m.Exchange == BusCapture.ExchangeOf(typeof(ExclusionZoneBreached))
                && m.Body.Contains(zoneId.ToString()))),
            seen => seen, TimeSpan.FromSeconds(30), "ExclusionZoneBreached on the firehose");
        await Eventually.Until(() => stack.ScalarAsync<long>("victim-contact", "SELECT count(*) FROM messaging.outbox_messages WHERE dispatched_at IS NULL"),
            n => n == 0, TimeSpan.FromSeconds(30), "victim-contact's outbox to be empty");
        await Eventually.Until(() => stack.ScalarAsync<long>("case-record", "SELECT count(*) FROM messaging.outbox_messages WHERE dispatched_at IS NULL"),
            n => n == 0, TimeSpan.FromSeconds(30), "case-record's outbox to be empty");

        Assert.True(bus.Messages.Count >= 5, $"only {bus.Messages.Count} messages were captured");
        var published = bus.Messages.Select(m => $"{m.Exchange} {m.Headers} {m.Body}").ToList();
        var logs = stack.AllOutput.Skip(logsBefore).ToList();
        foreach (var (where, text) in published.Select(p => ("bus", p)).Concat(logs.Select(l => ("log", l))))
            AssertNoVictimDetails(where, text);
    }

    private static void AssertNoVictimDetails(string where, string text)
    {
        foreach (var secret in new[] { "Philippa", "Nevername", "Nowhere Crescent", "TQ99 9ZZ", Email, "nevername@" })
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The victim's details ({secret}) were found on the {where}: {text}");

        // Phone numbers in any format: with separators and country codes taken out, neither number's subscriber digits remain.
        var digits = new string(text.Where(c => !" -().".Contains(c)).ToArray());
        foreach (var number in new[] { Subscriber, "1632960777" })
            Assert.False(digits.Contains(number, StringComparison.Ordinal), $"A phone number of the victim was found on the {where}: {text}");
    }
}
