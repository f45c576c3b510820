using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>A sentence event raises "inform the victim" for the allocated unit, saying what may and may not be disclosed.</summary>
[Collection(PipelineCollection.Name)]
public sealed class VictimInformationTaskTests(HubStack stack)
{
    private readonly VictimContactApi _api = new(stack);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_release_raises_a_task_stating_what_may_and_may_not_be_disclosed_and_the_VLO_records_the_outcome()
    {
        await using var bus = await BusCapture.OfContractsAsync(stack, typeof(VictimInformationTaskRaised));
        var caseId = (await _api.OpenCaseAsync("A5678FG")).GetProperty("id").GetGuid();
        await _api.AddVictimAsync(caseId);
        var optedOut = (await _api.OpenCaseAsync("A5678FG")).GetProperty("id").GetGuid();
        await _api.AddVictimAsync(optedOut, optedIn: false);

        var eventId = Guid.NewGuid();
        await TestBus.PublishAsync(stack, new SentenceEventRecorded(eventId, new PersonReference("A5678FG", "X567890"), "released", null, "DWI",
            "Devon and Cornwall", DateTimeOffset.Parse("2026-11-20T09:00:00Z"), Classification.OfficialSensitive));

        var raised = await Eventually.Until(() => Task.FromResult(bus.Of<VictimInformationTaskRaised>().Select(m => m.Message)
                .FirstOrDefault(m => m.GetProperty("caseId").GetGuid() == caseId)),
            m => m.ValueKind == JsonValueKind.Object, Patience, "VictimInformationTaskRaised");
        Assert.Equal("devon-vlu", raised.GetProperty("victimLiaisonUnit").GetString());
        var may = raised.GetProperty("mayDisclose").EnumerateArray().Select(x => x.GetString()!).ToList();
        Assert.Contains("the month: November 2026", may);
        Assert.Contains("the area of release: Devon and Cornwall", may);
        Assert.Contains(raised.GetProperty("mustNotDisclose").EnumerateArray(), x => x.GetString()!.Contains("prison"));
        Assert.DoesNotContain("DWI", raised.GetRawText());
        Assert.DoesNotContain(bus.Of<VictimInformationTaskRaised>(), m => m.Message.GetProperty("caseId").GetGuid() == optedOut);

        using var vlo = await _api.AsAsync("vlo.devon");
        var tasks = await vlo.GetFromJsonAsync<JsonElement>($"/api/victim-contact/cases/{caseId}/tasks");
        var task = Assert.Single(tasks.EnumerateArray());
        Assert.Equal(raised.GetProperty("due").GetString(), task.GetProperty("due").GetString());
        var taskId = task.GetProperty("id").GetGuid();
        using var outcome = await vlo.PostAsJsonAsync($"/api/victim-contact/cases/{caseId}/tasks/{taskId}/outcome",
            new { outcome = "Victim told by phone of the month and area of release and the no-contact condition." });
        Assert.Equal(HttpStatusCode.NoContent, outcome.StatusCode);
        var after = await vlo.GetFromJsonAsync<JsonElement>($"/api/victim-contact/cases/{caseId}/tasks");
        Assert.Equal("vlo.devon", Assert.Single(after.EnumerateArray()).GetProperty("completedBy").GetString());

        using var om = await _api.AsAsync("om.plymouth");
        using var refused = await om.GetAsync($"/api/victim-contact/cases/{caseId}/tasks");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
