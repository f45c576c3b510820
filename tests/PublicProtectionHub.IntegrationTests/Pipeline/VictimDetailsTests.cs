using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Victims' personal details: encrypted at rest, read only by the allocated unit with a justification, opt-in history, contact log.</summary>
[Collection(PipelineCollection.Name)]
public sealed class VictimDetailsTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);
    private const string Name = "Harriet Unrealname";

    private static object Details(string name = Name) => new
    {
        name, address = "3 Imaginary Close, Exeter EX99 9ZZ", phoneNumbers = new[] { "07700 900321", "+44 (0)1632 960789" },
        email = "harriet.unrealname@example.org", preferredContactMethod = "phone", needs = "Welsh interpreter", optedIn = true,
    };

    [Fact]
    public async Task Details_are_encrypted_at_rest_and_read_by_the_unit_only_with_a_justification_that_is_audited()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var added = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims", Details());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var addedBody = await added.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Unrealname", addedBody);
        var victimId = JsonDocument.Parse(addedBody).RootElement.GetProperty("id").GetGuid();

        // At rest: ciphertext under key version 1, nothing readable.
        var stored = await stack.ScalarAsync<byte[]>("victim-contact", $"SELECT \"Name\" FROM victims.victims WHERE \"Id\" = '{victimId}'");
        Assert.NotNull(stored);
        Assert.DoesNotContain("Unrealname", Encoding.UTF8.GetString(stored!));
        Assert.Equal(1, await stack.ScalarAsync<int>("victim-contact", $"SELECT \"KeyVersion\" FROM victims.victims WHERE \"Id\" = '{victimId}'"));
        var row = await stack.ScalarAsync<string>("victim-contact", $"SELECT row_to_json(v)::text FROM victims.victims v WHERE \"Id\" = '{victimId}'");
        Assert.DoesNotContain("900321", row!);

        var path = $"/api/victim-contact/cases/{caseId}/victims/{victimId}";
        using var unjustified = await vlo.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, unjustified.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Justification", "preparing the call about release on licence");
        using var read = await vlo.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var victim = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Name, victim.GetProperty("name").GetString());
        Assert.Equal(["+447700900321", "+441632960789"], victim.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Welsh interpreter", victim.GetProperty("needs").GetString());
        Assert.Equal(1L, await stack.ScalarAsync<long>("victim-contact",
            $"SELECT count(*) FROM audit.entries WHERE action = 'Consultation' AND 'victim:{victimId}' = ANY(records) " +
            "AND justification = 'preparing the call about release on licence'"));

        foreach (var other in new[] { "om.plymouth", "omu.exeter", "police.devon", "sec.exeter", "mappa.devon" })
        {
            using var http = await _api.AsAsync(other);
            using var attempt = new HttpRequestMessage(HttpMethod.Get, path);
            attempt.Headers.Add("X-Justification", "curious");
            using var refused = await http.SendAsync(attempt);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("Unrealname", await refused.Content.ReadAsStringAsync());
        }

        Assert.True(await stack.ScalarAsync<long>("victim-contact",
            $"SELECT count(*) FROM audit.entries WHERE action = 'AccessDenied' AND 'victim-contact-case:{caseId}' = ANY(records)") >= 5);
    }

    [Fact]
    public async Task An_invalid_phone_number_is_refused_without_echoing_it_and_nothing_is_written()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var refused = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims", new
        {
            name = Name, phoneNumbers = new[] { "07700 900321", "0123 NOT-A-NUMBER 77" }, optedIn = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("phoneNumbers[1]", body);
        Assert.DoesNotContain("NOT-A-NUMBER", body);
        Assert.DoesNotContain("Unrealname", body);
        Assert.Equal(0L, await stack.ScalarAsync<long>("victim-contact", $"SELECT count(*) FROM victims.victims WHERE \"CaseId\" = '{caseId}'"));
    }

    [Fact]
    public async Task A_victim_may_opt_out_and_back_in_and_the_history_is_kept_and_the_contact_log_records_first_contact()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var added = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims", Details());
        var victimId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var optedIn in new[] { false, true })
        {
            using var changed = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/victims/{victimId}/opt-in", new { optedIn });
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        using var contact = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/contacts", new
        {
            victimId, kind = "phone-call", occurredAt = "2026-06-10T09:30:00Z", notes = "Explained the scheme; wants letters only.",
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.Equal("2026-06-10", (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("firstContactOn").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/victim-contact/cases/{caseId}/victims/{victimId}");
        request.Headers.Add("X-Justification", "checking the opt-in history");
        var victim = await (await vlo.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([true, false, true], victim.GetProperty("optInHistory").EnumerateArray().Select(h => h.GetProperty("optedIn").GetBoolean()));
        Assert.True(victim.GetProperty("optedIn").GetBoolean());

        using var log = new HttpRequestMessage(HttpMethod.Get, $"/api/victim-contact/cases/{caseId}/contacts");
        log.Headers.Add("X-Justification", "reviewing contacts");
        var entries = await (await vlo.SendAsync(log)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Explained the scheme; wants letters only.", Assert.Single(entries.EnumerateArray()).GetProperty("notes").GetString());
        var view = await vlo.GetFromJsonAsync<JsonElement>($"/api/victim-contact/cases/{caseId}");
        Assert.Equal("2026-06-10", view.GetProperty("firstContactOn").GetString());
    }

    [Fact]
    public async Task A_new_encryption_key_re_encrypts_the_details_which_stay_readable()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        var before = await stack.ScalarAsync<byte[]>("victim-contact", $"SELECT \"Name\" FROM victims.victims WHERE \"Id\" = '{victimId}'");
        var key2 = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            await stack.RestartServiceAsync("victim-contact", new Dictionary<string, string?>
            {
                ["VictimContact__Encryption__Keys__2"] = key2, ["VictimContact__Encryption__CurrentKeyVersion"] = "2",
            });
            await Testing.Eventually.Until(() => stack.ScalarAsync<long>("victim-contact", "SELECT count(*) FROM victims.victims WHERE \"KeyVersion\" <> 2"),
                n => n == 0, TimeSpan.FromSeconds(30), "every victim to be re-encrypted under key 2");
            Assert.NotEqual(before, await stack.ScalarAsync<byte[]>("victim-contact", $"SELECT \"Name\" FROM victims.victims WHERE \"Id\" = '{victimId}'"));

            using var vlo = await _api.AsAsync("vlo.devon");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/victim-contact/cases/{caseId}/victims/{victimId}");
            request.Headers.Add("X-Justification", "checking after a key rotation");
            var victim = await (await vlo.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Harriet Unrealname", victim.GetProperty("name").GetString());
        }
        finally
        {
            // Back to key 1 (key 2 still held until nothing uses it), then to the stack's own settings.
            await stack.RestartServiceAsync("victim-contact", new Dictionary<string, string?> { ["VictimContact__Encryption__Keys__2"] = key2 });
            await Testing.Eventually.Until(() => stack.ScalarAsync<long>("victim-contact",
                    "SELECT (SELECT count(*) FROM victims.victims WHERE \"KeyVersion\" <> 1) + (SELECT count(*) FROM victims.contact_log WHERE \"KeyVersion\" <> 1) " +
                    "+ (SELECT count(*) FROM victims.prohibited_contact_orders WHERE \"KeyVersion\" <> 1)"),
                n => n == 0, TimeSpan.FromSeconds(60), "everything to be re-encrypted under key 1 again");
            await stack.RestartServiceAsync("victim-contact");
        }
    }
}
