using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Prohibited-contact orders: terms shared with the offender's practitioners, numbers only as keyed hashes, expiry and key rotation.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ProhibitedContactOrderTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Reference() => $"RO-{Guid.NewGuid():N}"[..20];

    private static string HashOf(string e164, string hexKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(hexKey), Encoding.UTF8.GetBytes(e164)));

    private static Task<JsonElement> EventAsync<T>(BusCapture bus, Guid orderId, string what, Func<JsonElement, bool>? also = null) =>
        Eventually.Until(() => Task.FromResult(bus.Of<T>().Select(m => m.Message)
                .LastOrDefault(m => m.GetProperty("orderId").GetGuid() == orderId && (also?.Invoke(m) ?? true))),
            m => m.ValueKind == JsonValueKind.Object, Patience, what);

    [Fact]
    public async Task An_order_is_published_with_its_terms_and_one_keyed_hash_per_number_however_it_was_written()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(ProhibitedContactOrderIssued));
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var reference = Reference();
        var orderId = await _api.IssueOrderAsync(caseId, victimId, reference, ["07700 900321", "+44 7700 900321", "0044 (0)7700-900321", "01632 960789"]);

        var issued = await EventAsync<ProhibitedContactOrderIssued>(bus, orderId, "ProhibitedContactOrderIssued");
        Assert.Equal(reference, issued.GetProperty("orderReference").GetString());
        Assert.Equal("restraining-order", issued.GetProperty("kind").GetString());
        Assert.Equal(["letter", "phone"], issued.GetProperty("prohibitedMeans").EnumerateArray().Select(m => m.GetString()).Order());
        var hashes = issued.GetProperty("prohibitedNumbers").EnumerateArray()
            .Select(h => (h.GetProperty("hash").GetString()!, h.GetProperty("keyVersion").GetInt32())).ToList();
        Assert.Equal(new[] { (HashOf("+441632960789", stack.PhoneHashKey), 1), (HashOf("+447700900321", stack.PhoneHashKey), 1) }.Order().ToList(), hashes.Order().ToList());
        var raw = bus.Of<ProhibitedContactOrderIssued>().Single(m => m.Message.GetProperty("orderId").GetGuid() == orderId).Body;
        Assert.DoesNotContain("900321", raw);
        Assert.DoesNotContain("Imaginary", raw);
        Assert.DoesNotContain(victimId.ToString(), raw);
    }

    [Fact]
    public async Task A_telephone_alert_on_an_order_is_a_breach_on_its_case_whose_count_follows_the_alert_and_the_VLO_records_the_action()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var reference = Reference();
        var orderId = await _api.IssueOrderAsync(caseId, victimId, reference, ["07700 900321"]);
        var alertId = Guid.NewGuid();
        var person = new Contracts.PersonReference("A1234BC", null);
        TelephoneMonitoringAlertRaised Alert(int calls, bool connected) => new(alertId, person, "EXI", reference, connected, calls,
            connected ? "high" : "medium", $"{calls} call(s) to a number {reference} prohibits.", DateTimeOffset.UtcNow, Contracts.Classification.OfficialSensitive);
        using var vlo = await _api.AsAsync("vlo.devon");

        await TestBus.PublishAsync(stack, Alert(1, connected: false));
        await Eventually.Until(() => BreachAsync(), b => b.ValueKind == JsonValueKind.Object, Patience, "the breach on the case");
        await TestBus.PublishAsync(stack, Alert(3, connected: true));
        var breach = await Eventually.Until(() => BreachAsync(), b => b.GetProperty("callCount").GetInt32() == 3, Patience, "the count to follow the alert");
        Assert.Equal(("telephone", orderId, true), (breach.GetProperty("kind").GetString(), breach.GetProperty("orderId").GetGuid(), breach.GetProperty("connected").GetBoolean()));
        // An alert about no order of this service's is not a breach here.
        await TestBus.PublishAsync(stack, Alert(1, false) with { AlertId = Guid.NewGuid(), OrderReference = "NOT-OURS-1" });

        using var action = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/breaches/{alertId}/action", new { actionTaken = "Victim warned by phone." });
        Assert.Equal(HttpStatusCode.OK, action.StatusCode);
        var recorded = await BreachAsync();
        Assert.Equal(("Victim warned by phone.", "vlo.devon"), (recorded.GetProperty("actionTaken").GetString(), recorded.GetProperty("actionBy").GetString()));
        using var others = await (await _api.AsAsync("om.plymouth")).GetAsync($"/api/victim-contact/cases/{caseId}/breaches");
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);

        async Task<JsonElement> BreachAsync() =>
            (await vlo.GetFromJsonAsync<JsonElement>($"/api/victim-contact/cases/{caseId}/breaches")).EnumerateArray()
                .SingleOrDefault(b => b.GetProperty("id").GetGuid() == alertId);
    }

    [Fact]
    public async Task The_offenders_practitioners_see_the_terms_but_never_the_numbers()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var reference = Reference();
        await _api.IssueOrderAsync(caseId, victimId, reference, ["07700 900321"]);

        foreach (var practitioner in new[] { "om.plymouth", "police.devon", "sec.exeter", "omu.exeter", "mappa.devon", "vlo.devon" })
        {
            using var http = await _api.AsAsync(practitioner);
            using var response = await http.GetAsync("/api/victim-contact/people/A1234BC/orders");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var order = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(o => o.GetProperty("reference").GetString() == reference);
            Assert.Equal(1, order.GetProperty("prohibitedNumberCount").GetInt32());
            Assert.DoesNotContain("900321", body);
            Assert.DoesNotContain("Imaginary", body);
            Assert.DoesNotContain("Unrealname", body);
        }

        using var cardiff = await _api.AsAsync("om.cardiff");
        using var refused = await cardiff.GetAsync("/api/victim-contact/people/A1234BC/orders");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task An_invalid_number_is_refused_without_echoing_it_and_nothing_is_written()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var reference = Reference();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var response = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/orders", new
        {
            reference, kind = "restraining-order", protectedVictims = new[] { victimId }, prohibitedMeans = new[] { "phone" },
            prohibitedNumbers = new[] { "07700 900321", "12345-NOT-A-PHONE" }, validFrom = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("prohibitedNumbers[1]", body);
        Assert.DoesNotContain("NOT-A-PHONE", body);
        Assert.DoesNotContain("900321", body);
        Assert.Equal(0L, await stack.ScalarAsync<long>("victim-contact",
            $"SELECT count(*) FROM victims.prohibited_contact_orders WHERE \"Reference\" = '{reference}'"));
    }

    [Fact]
    public async Task Varying_revoking_and_expiry_are_published()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack,
            typeof(ProhibitedContactOrderVaried), typeof(ProhibitedContactOrderRevoked), typeof(ProhibitedContactOrderExpired));
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var varied = await _api.IssueOrderAsync(caseId, victimId, Reference(), ["07700 900321"]);
        using var vlo = await _api.AsAsync("vlo.devon");

        using var vary = await vlo.PutAsJsonAsync($"/api/victim-contact/cases/{caseId}/orders/{varied}", new
        {
            kind = "restraining-order", protectedVictims = new[] { victimId }, prohibitedMeans = new[] { "phone", "email", "social-media" },
            prohibitedNumbers = new[] { "07700 900321", "07700 900999" }, validFrom = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.OK, vary.StatusCode);
        var variation = await EventAsync<ProhibitedContactOrderVaried>(bus, varied, "ProhibitedContactOrderVaried",
            m => m.GetProperty("prohibitedMeans").GetArrayLength() == 3);
        Assert.Equal(2, variation.GetProperty("prohibitedNumbers").GetArrayLength());

        using var revoke = await vlo.PostAsync($"/api/victim-contact/cases/{caseId}/orders/{varied}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await EventAsync<ProhibitedContactOrderRevoked>(bus, varied, "ProhibitedContactOrderRevoked");

        var until = DateTimeOffset.UtcNow.AddSeconds(3);
        var expiring = await _api.IssueOrderAsync(caseId, victimId, Reference(), ["07700 900321"], until);
        var expired = await EventAsync<ProhibitedContactOrderExpired>(bus, expiring, "ProhibitedContactOrderExpired");
        Assert.Equal(until.ToUnixTimeMilliseconds(), expired.GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("Expired", await stack.ScalarAsync<string>("victim-contact",
            $"SELECT \"Status\" FROM victims.prohibited_contact_orders WHERE \"Id\" = '{expiring}'"));
    }

    [Fact]
    public async Task A_new_phone_hashing_key_republishes_orders_under_both_keys_until_the_old_one_retires()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var orderId = await _api.IssueOrderAsync(caseId, victimId, Reference(), ["07700 900321"]);
        var newKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(ProhibitedContactOrderVaried));
        try
        {
            await stack.RestartServiceAsync("victim-contact", new Dictionary<string, string?>
            {
                ["PhoneHashing__Keys__2"] = newKey, ["PhoneHashing__CurrentKeyVersion"] = "2",
            });
            var both = await EventAsync<ProhibitedContactOrderVaried>(bus, orderId, "a re-publication under both keys",
                m => m.GetProperty("prohibitedNumbers").GetArrayLength() == 2);
            Assert.Equal(new[] { (HashOf("+447700900321", stack.PhoneHashKey), 1), (HashOf("+447700900321", newKey), 2) },
                both.GetProperty("prohibitedNumbers").EnumerateArray()
                    .Select(h => (h.GetProperty("hash").GetString()!, h.GetProperty("keyVersion").GetInt32())).OrderBy(h => h.Item2));

            // The old key retires: the order is published once more, under the new key only.
            await stack.RestartServiceAsync("victim-contact", new Dictionary<string, string?>
            {
                ["PhoneHashing__Keys__1"] = null, ["PhoneHashing__Keys__2"] = newKey, ["PhoneHashing__CurrentKeyVersion"] = "2",
            });
            var retired = await EventAsync<ProhibitedContactOrderVaried>(bus, orderId, "a re-publication under the new key only",
                m => m.GetProperty("prohibitedNumbers").EnumerateArray().All(h => h.GetProperty("keyVersion").GetInt32() == 2));
            Assert.Equal(HashOf("+447700900321", newKey), Assert.Single(retired.GetProperty("prohibitedNumbers").EnumerateArray()).GetProperty("hash").GetString());
        }
        finally
        {
            await stack.RestartServiceAsync("victim-contact");
        }
    }
}
