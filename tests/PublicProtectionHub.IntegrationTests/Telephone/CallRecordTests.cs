using System.Net;
using System.Text;
using System.Text.Json;
using PublicProtectionHub.IntegrationTests.Pipeline;
using PublicProtectionHub.Testing;
using static PublicProtectionHub.IntegrationTests.Telephone.TelephoneDriver;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>Call records from the PIN phone provider: batches, NDJSON, resends, bad records, and the alerts they raise.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CallRecordTests(HubStack stack)
{
    private readonly TelephoneDriver _phone = new(stack);
    private const string Prisoner = "A1234BC";

    [Fact]
    public async Task Duplicate_call_ids_change_nothing()
    {
        var number = NewNumber();
        await _phone.IssueOrderAsync(Prisoner, number);
        var calls = new[]
        {
            Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow.AddMinutes(-3)),
            Call(NewCallId(), Prisoner, NewNumber(), DateTimeOffset.UtcNow.AddMinutes(-2)),
            Call(NewCallId(), Prisoner, NewNumber(), DateTimeOffset.UtcNow.AddMinutes(-1)),
        };
        var first = await _phone.PostCallsOkAsync(calls);
        Assert.Equal((3, 0, 1), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("matched").GetInt32()));
        var alert = Assert.Single(await _phone.AlertsAsync(Prisoner, number));
        var collections = await _phone.AuditCountAsync("action = 'Collection' AND client_id = 'pin-phone-provider'");

        // The same records again, and one of them twice in one body.
        var again = await _phone.PostCallsOkAsync([.. calls, calls[0]]);
        Assert.Equal((0, 4, 0), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32(), again.GetProperty("matched").GetInt32()));
        Assert.Equal(alert, Assert.Single(await _phone.AlertsAsync(Prisoner, number)));
        Assert.Equal([1], await _phone.PublishedCountsAsync(alert.AlertId));
        Assert.Equal(collections, await _phone.AuditCountAsync("action = 'Collection' AND client_id = 'pin-phone-provider'"));
    }

    [Fact]
    public async Task A_batch_with_malformed_records_keeps_the_good_ones_and_reports_the_bad_by_position()
    {
        var secret = NewNumber();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        string good1 = NewCallId(), good2 = NewCallId();
        var body = "[" + string.Join(",",
            JsonSerializer.Serialize(Call(good1, Prisoner, NewNumber(), now)),
            JsonSerializer.Serialize(new { callId = NewCallId(), prisonId = "EXI", dialledNumber = NewNumber(), startedAt = now, durationSeconds = 5, outcome = "connected" }),
            JsonSerializer.Serialize(Call(NewCallId(), Prisoner, "0770", now)),
            JsonSerializer.Serialize(new { callId = NewCallId(), nomsNumber = Prisoner, prisonId = "EXI", dialledNumber = secret, startedAt = now, durationSeconds = "long", outcome = "connected" }),
            "42",
            JsonSerializer.Serialize(Call(NewCallId(), Prisoner, NewNumber(), now, outcome: "hung-up")),
            JsonSerializer.Serialize(Call(good2, Prisoner, NewNumber(), now))) + "]";

        var (response, result) = await _phone.PostCallsAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, result.GetProperty("received").GetInt32());
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5, 6], rejected.Select(r => r.GetProperty("position").GetInt32()));
        Assert.True(rejected[0].GetProperty("errors").TryGetProperty("nomsNumber", out _));
        Assert.True(rejected[1].GetProperty("errors").TryGetProperty("dialledNumber", out _));
        Assert.True(rejected[2].GetProperty("errors").TryGetProperty("durationSeconds", out _));
        Assert.True(rejected[4].GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.DoesNotContain(secret.Replace(" ", "")[5..], result.ToString());
        Assert.Equal(2L, await stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM calls.call_records WHERE \"CallId\" IN ('{good1}', '{good2}')"));
    }

    [Fact]
    public async Task Ndjson_is_read_line_by_line_and_a_line_that_is_not_json_does_not_sink_the_rest()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var ids = Enumerable.Range(0, 1200).Select(_ => NewCallId()).ToList();
        var lines = new StringBuilder();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            lines.Append(JsonSerializer.Serialize(Call(id, Prisoner, NewNumberFor(i), now))).Append('\n');
            if (i == 700) lines.Append("{ this is not json\n");
        }

        var (response, result) = await _phone.PostCallsAsync(lines.ToString(), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1200, result.GetProperty("accepted").GetInt32());
        Assert.Equal(702, Assert.Single(result.GetProperty("rejected").EnumerateArray()).GetProperty("position").GetInt32());
        Assert.Equal(1200L, await stack.ScalarAsync<long>(Service,
            $"SELECT count(*) FROM calls.call_records WHERE \"CallId\" = ANY(ARRAY['{string.Join("','", ids)}'])"));
    }

    [Fact]
    public async Task Ten_thousand_records_are_taken_in_one_request_and_the_ten_thousand_and_first_is_refused()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var lines = new StringBuilder();
        for (var i = 0; i < 10_001; i++)
            lines.Append(JsonSerializer.Serialize(Call($"bulk-{run}-{i}", $"B{i % 10000:0000}ZZ", NewNumberFor(i), now, "unanswered"))).Append('\n');
        Assert.True(lines.Length > 1024 * 1024, "a body larger than the services' default request limit");

        var (response, result) = await _phone.PostCallsAsync(lines.ToString(), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10_000, result.GetProperty("accepted").GetInt32());
        Assert.Equal(10_001, Assert.Single(result.GetProperty("rejected").EnumerateArray()).GetProperty("position").GetInt32());
        Assert.Equal(10_000L, await stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM calls.call_records WHERE \"CallId\" LIKE 'bulk-{run}-%'"));
    }

    [Fact]
    public async Task A_single_record_is_accepted_and_a_bad_single_record_is_a_problem_that_does_not_echo_it()
    {
        var id = NewCallId();
        var (ok, result) = await _phone.PostCallsAsync(JsonSerializer.Serialize(Call(id, Prisoner, NewNumber(), DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());

        var secret = NewNumber();
        var (bad, problem) = await _phone.PostCallsAsync(JsonSerializer.Serialize(Call(NewCallId(), "nobody", secret + "x", DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("nomsNumber", out _));
        Assert.DoesNotContain(secret.Replace(" ", "")[5..], problem.ToString());

        var (notJson, _) = await _phone.PostCallsAsync("call me maybe");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task Repeated_calls_within_the_window_aggregate_into_one_alert_republished_with_its_count()
    {
        var number = NewNumber();
        await _phone.IssueOrderAsync(Prisoner, number);
        var start = DateTimeOffset.UtcNow.AddHours(-3);

        await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, start, "unanswered")]);
        var first = Assert.Single(await _phone.AlertsAsync(Prisoner, number));
        Assert.Equal((1, "medium", false), (first.CallCount, first.Severity, first.Connected));

        await _phone.PostCallsOkAsync([
            Call(NewCallId(), Prisoner, number, start.AddMinutes(20), "blocked"),
            Call(NewCallId(), Prisoner, number, start.AddMinutes(40), "connected"),
        ]);
        var same = Assert.Single(await _phone.AlertsAsync(Prisoner, number));
        Assert.Equal((first.AlertId, 3, "high", true), (same.AlertId, same.CallCount, same.Severity, same.Connected));
        Assert.Equal([1, 3], await _phone.PublishedCountsAsync(first.AlertId));

        // Beyond the window (an hour by default): a new alert.
        await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, start.AddMinutes(40 + 61), "unanswered")]);
        var alerts = await _phone.AlertsAsync(Prisoner, number);
        Assert.Equal(2, alerts.Count);
        Assert.NotEqual(first.AlertId, alerts[1].AlertId);
        Assert.Equal(1, alerts[1].CallCount);
    }

    [Fact]
    public async Task A_connected_call_against_a_child_contact_restriction_is_critical_and_the_alert_names_no_victim()
    {
        var number = NewNumber();
        var order = await _phone.IssueOrderAsync(Prisoner, number, kind: "child-contact-restriction");
        await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow.AddMinutes(-1), "connected")]);

        var alert = Assert.Single(await _phone.AlertsAsync(Prisoner, number));
        Assert.Equal(("critical", true), (alert.Severity, alert.Connected));
        var published = await stack.ScalarAsync<string>(Service,
            $"SELECT body::text FROM messaging.outbox_messages WHERE body->>'alertId' = '{alert.AlertId}'");
        var message = JsonDocument.Parse(published!).RootElement;
        Assert.Equal(order.OrderReference, message.GetProperty("orderReference").GetString());
        Assert.Equal(Prisoner, message.GetProperty("person").GetProperty("nomsNumber").GetString());
        Assert.Equal("EXI", message.GetProperty("establishmentCode").GetString());
        Assert.DoesNotContain(number.Replace(" ", "")[5..], published);
        Assert.DoesNotContain(_phone.Hash(number).Hash, published);
    }

    [Fact]
    public async Task A_matching_call_reaches_exactly_the_practitioners_responsible_for_the_prisoner_through_case_record()
    {
        var number = NewNumber();
        await _phone.IssueOrderAsync(Prisoner, number);
        await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow.AddMinutes(-1))]);
        var alert = Assert.Single(await _phone.AlertsAsync(Prisoner, number));

        var recipients = await Eventually.Until(() => stack.ScalarAsync<string>("case-record", $"""
                SELECT string_agg(i."UserName", ',' ORDER BY i."UserName") FROM push.inbox_items i
                JOIN timeline.entries e ON e."Id" = i."TimelineEntryId" WHERE e."SourceReference" = 'telephone-monitoring:alert:{alert.AlertId}'
                """), r => r is not null, Patience, "the alert in case-record's inboxes");

        // The prison's security department and OMU, the offender manager, the police, the MAPPA coordinator and the order's VLO.
        Assert.Equal(["duty.exeter", "mappa.devon", "om.plymouth", "omu.exeter", "police.devon", "sec.exeter", "vlo.devon"],
            recipients!.Split(',').Where(u => stack.Demo.Users.Any(d => d.UserName == u)));
    }

    private static string NewNumberFor(int i) => $"01632 960{i % 1000:000}";
}
