using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Victim contact cases: opened by a VLO for their unit, eligibility and deadlines worked out, events published, unit-only.</summary>
[Collection(PipelineCollection.Name)]
public sealed class VictimContactCaseTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_VLO_opens_a_statutory_case_allocated_to_their_unit_and_the_allocation_is_published()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(VictimContactCaseAllocated));
        var opened = await _api.OpenCaseAsync(sentencedOn: "2026-03-27", referredOn: "2026-04-10");
        var caseId = opened.GetProperty("id").GetGuid();

        Assert.Equal("devon-vlu", opened.GetProperty("victimLiaisonUnit").GetString());
        Assert.True(opened.GetProperty("statutory").GetBoolean());
        Assert.Equal("X123456", opened.GetProperty("person").GetProperty("crn").GetString());
        // Ten working days after Friday 27 March 2026, skipping Good Friday (3 April) and Easter Monday (6 April).
        Assert.Equal("2026-04-14", opened.GetProperty("referralDue").GetString());
        Assert.False(opened.GetProperty("referralLate").GetBoolean());
        // Twenty working days after Friday 10 April 2026, skipping the early May bank holiday (4 May).
        Assert.Equal("2026-05-11", opened.GetProperty("firstContactDue").GetString());

        var allocated = await Eventually.Until(() => Task.FromResult(bus.Of<VictimContactCaseAllocated>()
                .Select(m => m.Message).FirstOrDefault(m => m.GetProperty("caseId").GetGuid() == caseId)),
            m => m.ValueKind == JsonValueKind.Object, Patience, "VictimContactCaseAllocated");
        Assert.Equal("devon-vlu", allocated.GetProperty("victimLiaisonUnit").GetString());
        Assert.Equal("A1234BC", allocated.GetProperty("person").GetProperty("nomsNumber").GetString());
        Assert.True(allocated.GetProperty("statutory").GetBoolean());
        Assert.Equal(1L, await stack.ScalarAsync<long>("victim-contact",
            $"SELECT count(*) FROM audit.entries WHERE action = 'Collection' AND 'victim-contact-case:{caseId}' = ANY(records)"));
    }

    [Fact]
    public async Task A_specified_offence_without_twelve_months_custody_is_not_statutory()
    {
        using var vlo = await _api.AsAsync("vlo.devon");
        using var response = await vlo.PostAsJsonAsync("/api/victim-contact/cases", new
        {
            person = "A1234BC", offenceCode = "S47-ABH", sentence = new { kind = "custodial", custodialMonths = 11, sentencedOn = "2026-06-01" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await VictimContactApi.BodyAsync(response);
        Assert.False(opened.GetProperty("statutory").GetBoolean());

        using var hospital = await vlo.PostAsJsonAsync("/api/victim-contact/cases", new
        {
            person = "A1234BC", offenceCode = "RAPE", sentence = new { kind = "hospital-order", sentencedOn = "2026-06-01" },
        });
        Assert.True((await VictimContactApi.BodyAsync(hospital)).GetProperty("statutory").GetBoolean());
    }

    [Fact]
    public async Task Missed_deadlines_are_pushed_to_the_unit_once_each()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(VictimContactOverdue));
        // Referred on 20 April, after its due date of 14 April; first contact was due 19 May and never happened.
        var opened = await _api.OpenCaseAsync(sentencedOn: "2026-03-27", referredOn: "2026-04-20");
        var caseId = opened.GetProperty("id").GetGuid();
        Assert.True(opened.GetProperty("referralLate").GetBoolean());
        Assert.True(opened.GetProperty("firstContactOverdue").GetBoolean());

        var overdue = await Eventually.Until(() => Task.FromResult(bus.Of<VictimContactOverdue>()
                .Select(m => m.Message).Where(m => m.GetProperty("caseId").GetGuid() == caseId).ToList()),
            found => found.Count >= 2, Patience, "both VictimContactOverdue events");
        Assert.Equal(["first-contact:2026-05-19", "referral:2026-04-14"],
            overdue.Select(m => $"{m.GetProperty("deadline").GetString()}:{m.GetProperty("due").GetString()}").Order());
        Assert.All(overdue, m => Assert.Equal("devon-vlu", m.GetProperty("victimLiaisonUnit").GetString()));

        // Several more sweeps run: nothing is pushed twice.
        await Eventually.Until(() => stack.ScalarAsync<long>("victim-contact",
                $"SELECT count(*) FROM victims.cases WHERE \"Id\" = '{caseId}' AND \"FirstContactOverdueNotifiedAt\" < now() - interval '3 seconds'"),
            n => n == 1, Patience, "three seconds of sweeps after the notice");
        Assert.Equal(2, bus.Of<VictimContactOverdue>().Count(m => m.Message.GetProperty("caseId").GetGuid() == caseId));
    }

    [Fact]
    public async Task The_case_exists_only_for_its_unit_and_closing_it_is_published()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(VictimContactCaseClosed));
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();

        using var vlo = await _api.AsAsync("vlo.devon");
        using var own = await vlo.GetAsync($"/api/victim-contact/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var listed = await vlo.GetFromJsonAsync<JsonElement>("/api/victim-contact/cases");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);

        foreach (var other in new[] { "om.plymouth", "police.devon", "sec.exeter", "mappa.devon" })
        {
            using var http = await _api.AsAsync(other);
            using var response = await http.GetAsync($"/api/victim-contact/cases/{caseId}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var unknown = await vlo.PostAsJsonAsync("/api/victim-contact/cases", new
        {
            person = "Z9999ZZ", offenceCode = "RAPE", sentence = new { kind = "hospital-order", sentencedOn = "2026-06-01" },
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var closed = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/close", new { reason = "sentence ended" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var message = await Eventually.Until(() => Task.FromResult(bus.Of<VictimContactCaseClosed>()
                .Select(m => m.Message).FirstOrDefault(m => m.GetProperty("caseId").GetGuid() == caseId)),
            m => m.ValueKind == JsonValueKind.Object, Patience, "VictimContactCaseClosed");
        Assert.Equal("devon-vlu", message.GetProperty("victimLiaisonUnit").GetString());
        var open = await vlo.GetFromJsonAsync<JsonElement>("/api/victim-contact/cases");
        Assert.DoesNotContain(open.EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
    }

    [Fact]
    public async Task Handing_a_case_to_another_unit_is_published_and_the_old_unit_no_longer_sees_it()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(VictimContactCaseAllocated));
        var caseId = (await _api.OpenCaseAsync()).GetProperty("id").GetGuid();
        using var vlo = await _api.AsAsync("vlo.devon");
        using var handed = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/allocate", new { vloUnit = "cornwall-vlu" });
        Assert.Equal(HttpStatusCode.NoContent, handed.StatusCode);

        var allocated = await Eventually.Until(() => Task.FromResult(bus.Of<VictimContactCaseAllocated>().Select(m => m.Message)
                .FirstOrDefault(m => m.GetProperty("caseId").GetGuid() == caseId && m.GetProperty("victimLiaisonUnit").GetString() == "cornwall-vlu")),
            m => m.ValueKind == JsonValueKind.Object, Patience, "VictimContactCaseAllocated to the new unit");
        Assert.Equal("devon-vlu", allocated.GetProperty("previousVictimLiaisonUnit").GetString());
        using var gone = await vlo.GetAsync($"/api/victim-contact/cases/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
