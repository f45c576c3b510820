using System.Net;
using System.Text.Json;
using PublicProtectionHub.IntegrationTests.Pipeline;
using PublicProtectionHub.Testing;
using static PublicProtectionHub.IntegrationTests.Telephone.TelephoneDriver;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>Call reviews and graded intelligence for the police; number traces within the caller's scope; retention.</summary>
[Collection(PipelineCollection.Name)]
public sealed class IntelligenceAndTraceTests(HubStack stack)
{
    private readonly TelephoneDriver _phone = new(stack);
    private const string InExeter = "A1234BC", InCardiff = "A4567EF";
    private static string Reviews => $"/api/{Service}/people/{InExeter}/call-reviews";

    [Fact]
    public async Task Only_reports_whose_handling_allows_it_are_published_for_the_police()
    {
        var callId = NewCallId();
        await _phone.PostCallsOkAsync([Call(callId, InExeter, NewNumber(), DateTimeOffset.UtcNow.AddMinutes(-5))]);

        var noConcern = await ReviewAsync(new { callId, outcome = "no-concern" });
        var permitted = await ReviewAsync(new
        {
            callId, outcome = "intelligence-report", sourceEvaluation = 2, intelligenceAssessment = "B", handlingCode = "P",
            summary = "Caller arranged to meet an associate on release.",
        });
        var conditional = await ReviewAsync(new
        {
            callId, outcome = "intelligence-report", sourceEvaluation = 1, intelligenceAssessment = "A", handlingCode = "C",
            handlingConditions = "Not to be shared outside HMPPS.", policeMayReceive = false, summary = "Drugs route named.",
        });

        Assert.Equal(0L, await _phone.OutboxCountAsync("IntelligenceReportRecorded", "reportId", noConcern.ToString()));
        Assert.Equal(1L, await _phone.OutboxCountAsync("IntelligenceReportRecorded", "reportId", permitted.ToString()));
        Assert.Equal(0L, await _phone.OutboxCountAsync("IntelligenceReportRecorded", "reportId", conditional.ToString()));

        using var missingConditions = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Reviews, new
        {
            callId, outcome = "intelligence-report", sourceEvaluation = 4, intelligenceAssessment = "F", handlingCode = "C", summary = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, missingConditions.StatusCode);
        var errors = JsonDocument.Parse(await missingConditions.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["handlingConditions", "intelligenceAssessment", "policeMayReceive", "sourceEvaluation"], errors.EnumerateObject().Select(p => p.Name).Order());

        using var unknownCall = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Reviews, new { callId = NewCallId(), outcome = "no-concern" });
        Assert.Equal(HttpStatusCode.NotFound, unknownCall.StatusCode);
        using var analystElsewhere = await _phone.SendAsync("sec.cardiff", HttpMethod.Post, Reviews, new { callId, outcome = "no-concern" });
        Assert.Equal(HttpStatusCode.NotFound, analystElsewhere.StatusCode);
    }

    [Fact]
    public async Task A_number_trace_shows_only_the_callers_people_and_is_audited_as_a_combination()
    {
        var number = NewNumber();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await _phone.PostCallsOkAsync([
            Call(NewCallId(), InExeter, number, at), Call(NewCallId(), InExeter, number, at.AddMinutes(10), "unanswered"),
            Call(NewCallId(), InCardiff, number, at, prison: "CFI"),
        ]);

        foreach (var (user, expected) in new[] { ("sec.exeter", InExeter), ("police.devon", InExeter), ("police.southwales", InCardiff) })
        {
            using var response = await _phone.SendAsync(user, HttpMethod.Get, $"/api/{Service}/numbers/{Uri.EscapeDataString("+44" + number[1..].Replace(" ", ""))}/links");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var person = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("people").EnumerateArray());
            Assert.Equal(expected, person.GetProperty("nomsNumber").GetString());
            Assert.Equal(expected == InExeter ? 2 : 1, person.GetProperty("calls").GetInt32());
        }

        Assert.True(await _phone.AuditCountAsync($"action = 'Combination' AND subject = 'police.devon' AND records = ARRAY['{InExeter}']") >= 1);
        using var omu = await _phone.SendAsync("omu.exeter", HttpMethod.Get, $"/api/{Service}/numbers/{Uri.EscapeDataString(number)}/links");
        Assert.Equal(HttpStatusCode.Forbidden, omu.StatusCode);
    }

    [Fact]
    public async Task Call_records_older_than_the_retention_period_are_erased_and_the_erasure_audited_with_metadata_only()
    {
        string old = NewCallId(), recent = NewCallId();
        var number = NewNumber();
        await _phone.PostCallsOkAsync([
            Call(old, InCardiff, number, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(-2), prison: "CFI"),
            Call(recent, InCardiff, number, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(2), prison: "CFI"),
        ]);

        await Eventually.Until(() => stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM calls.call_records WHERE \"CallId\" = '{old}'"),
            n => n == 0, Patience, "the old call record to be erased");
        Assert.Equal(1L, await stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM calls.call_records WHERE \"CallId\" = '{recent}'"));
        var justification = await stack.ScalarAsync<string>(Service,
            $"SELECT justification FROM audit.entries WHERE action = 'Erasure' AND operation = 'job call-record-retention' AND '{InCardiff}' = ANY(records) ORDER BY sequence DESC LIMIT 1");
        Assert.NotNull(justification);
        Assert.Contains("3 months", justification);
        Assert.DoesNotContain(old, justification);
    }

    private async Task<Guid> ReviewAsync(object review)
    {
        using var response = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Reviews, review);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
