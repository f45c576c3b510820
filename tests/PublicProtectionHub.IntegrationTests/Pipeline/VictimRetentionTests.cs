using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Victims' details are erased once their case has been closed for the retention period (seconds in this stack).</summary>
[Collection(PipelineCollection.Name)]
public sealed class VictimRetentionTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);

    [Fact]
    public async Task After_the_retention_period_the_details_are_erased_and_the_erasure_is_audited_with_ids_only()
    {
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        var victimId = await _api.AddVictimAsync(caseId);
        using var vlo = await _api.AsAsync("vlo.devon");
        using var contact = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/contacts", new
        {
            victimId, kind = "letter", occurredAt = "2026-06-10T09:30:00Z", notes = "Letter to 3 Imaginary Close.",
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        using var closed = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/close", new { reason = "licence expired" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        await Eventually.Until(() => stack.ScalarAsync<long>("victim-contact",
                $"SELECT count(*) FROM victims.victims WHERE \"Id\" = '{victimId}' AND \"ErasedAt\" IS NOT NULL AND \"Name\" IS NULL " +
                "AND \"Address\" IS NULL AND \"PhoneNumbers\" IS NULL AND \"Email\" IS NULL"),
            n => n == 1, TimeSpan.FromSeconds(30), "the victim's details to be erased");
        Assert.Equal(0L, await stack.ScalarAsync<long>("victim-contact",
            $"SELECT count(*) FROM victims.contact_log WHERE \"CaseId\" = '{caseId}' AND \"Notes\" IS NOT NULL"));
        var audit = await stack.ScalarAsync<string>("victim-contact",
            $"SELECT row_to_json(e)::text FROM audit.entries e WHERE action = 'Erasure' AND 'victim:{victimId}' = ANY(records)");
        Assert.NotNull(audit);
        Assert.DoesNotContain("Unrealname", audit);
        Assert.DoesNotContain("Imaginary", audit);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/victim-contact/cases/{caseId}/victims/{victimId}");
        request.Headers.Add("X-Justification", "checking the erasure");
        var victim = await (await vlo.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(victim.TryGetProperty("name", out _));
        Assert.True(victim.TryGetProperty("erasedAt", out _));
    }
}
