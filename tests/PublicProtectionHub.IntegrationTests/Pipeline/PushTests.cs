using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Contracts.RiskOfHarm;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Events from every service reach exactly the practitioners ACCESS.md gives them, in their inbox and on their open streams.</summary>
[Collection(PipelineCollection.Name)]
public sealed class PushTests(HubStack stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Exeter = "A1234BC"; // HMP Exeter, Devon and Cornwall police, om.plymouth, Devon VLU, Devon and Cornwall MAPPA

    private static readonly string[] ResponsibleForExeterPerson =
        ["duty.exeter", "mappa.devon", "om.plymouth", "omu.exeter", "police.devon", "sec.exeter", "vlo.devon"];

    public static TheoryData<string, string[]> EventsAndRecipients => new()
    {
        { "risk of harm levels", ResponsibleForExeterPerson },
        { "telephone alert about a victim's order", ResponsibleForExeterPerson },
        // Victim liaison see alerts only on their victims' orders.
        { "telephone alert about no order", [.. ResponsibleForExeterPerson.Except(["vlo.devon"])] },
        // Orders' and zones' terms go to everyone responsible (no victim details are in them).
        { "prohibited-contact order varied", ResponsibleForExeterPerson },
        { "exclusion zone defined", ResponsibleForExeterPerson },
        { "exclusion zone breached", ResponsibleForExeterPerson },
        // Victim contact work is the allocated unit's alone.
        { "inform the victim", ["vlo.devon"] },
        { "victim contact overdue", ["vlo.devon"] },
        // Graded intelligence: security and police. A Rule 35A review: the security department.
        { "intelligence report", ["duty.exeter", "police.devon", "sec.exeter"] },
        { "monitoring authorisation review due", ["duty.exeter", "sec.exeter"] },
    };

    [Theory]
    [MemberData(nameof(EventsAndRecipients))]
    public async Task Each_event_is_delivered_to_exactly_the_responsible_and_entitled_demo_practitioners(string kind, string[] expected)
    {
        var reference = await PublishAsync(kind, Exeter);

        var recipients = await Eventually.Until(() => DemoRecipientsAsync(reference), r => r.Length > 0, Patience, $"the {kind} to be delivered");

        Assert.Equal(expected.Order(), recipients);
    }

    [Fact]
    public async Task A_practitioner_not_responsible_gets_nothing_and_a_404_on_the_person()
    {
        var reference = await PublishAsync("telephone alert about a victim's order", Exeter);
        await Eventually.Until(() => DemoRecipientsAsync(reference), r => r.Length > 0, Patience, "the alert to be delivered");

        foreach (var outsider in new[] { "sec.dartmoor", "omu.cardiff", "om.cardiff", "police.southwales" })
        {
            using var http = await ClientAsync(outsider);
            var inbox = await http.GetFromJsonAsync<JsonElement>("/api/case-record/inbox?limit=200");
            Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("person").GetProperty("nomsNumber").GetString() == Exeter);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/case-record/people/{Exeter}/timeline")).StatusCode);
        }
    }

    [Fact]
    public async Task An_arrival_of_a_mappa_nominal_is_pushed_at_once_to_the_new_prisons_security_and_omu_with_the_risk_picture()
    {
        const string noms = "A8101PT";
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", "2026-11-20T09:00:00Z", noms,
            """{"nomsNumber":"A8101PT","reason":"NEW_ADMISSION","prisonId":"EXI","firstName":"Arrival","lastName":"Testcase"}"""));
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("probation-case.registration.added", "2026-11-20T10:00:00Z", noms,
            """{"registerTypeCode":"MAPP","registrationLevelCode":"M2","registrationCategoryCode":"M1"}"""));
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", "2026-11-21T09:00:00Z", noms,
            """{"nomsNumber":"A8101PT","reason":"TRANSFERRED","prisonId":"DWI"}"""));

        foreach (var user in new[] { "sec.dartmoor", "duty.dartmoor", "omu.dartmoor" })
        {
            var arrival = Assert.Single(await InboxItemsAsync(user, noms), i => i.GetProperty("informationClass").GetString() == "arrival-screening");
            Assert.Equal("high", arrival.GetProperty("priority").GetString());
            Assert.Contains("Arrival at DWI: review monitoring now", arrival.GetProperty("summary").GetString());
            Assert.Contains("MAPPA category 1, level 2", arrival.GetProperty("summary").GetString());
            Assert.NotNull(arrival.GetProperty("escalateAt").GetString());
        }

        Assert.DoesNotContain(await InboxItemsAsync("sec.exeter", noms), i => i.GetProperty("informationClass").GetString() == "arrival-screening");
        Assert.DoesNotContain(await InboxItemsAsync("police.devon", noms), _ => true);
    }

    [Fact]
    public async Task The_timeline_follows_the_person_to_the_new_prison_and_shows_each_role_only_its_classes()
    {
        const string noms = "A8202PT";
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", Now(TimeSpan.FromHours(-2)), noms,
            """{"nomsNumber":"A8202PT","reason":"NEW_ADMISSION","prisonId":"EXI","firstName":"Timeline","lastName":"Testcase"}"""));
        var alert = await PublishAsync("telephone alert about no order", noms);
        await Eventually.Until(() => RecipientsAsync(alert), r => r.Contains("sec.exeter"), Patience, "the alert at Exeter");
        // After the alert (which occurred "now" when published): the newest entry.
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", Now(TimeSpan.Zero), noms,
            """{"nomsNumber":"A8202PT","reason":"TRANSFERRED","prisonId":"DWI"}"""));
        await Eventually.Until(() => TimelineStatusAsync("sec.dartmoor", noms), s => s == HttpStatusCode.OK, Patience, "Dartmoor to be responsible");

        var summaries = (await TimelineAsync("sec.dartmoor", noms)).Select(i => i.GetProperty("summary").GetString()!).ToList();
        Assert.Collection(summaries, // newest first
            s => Assert.StartsWith("Received into DWI", s),
            s => Assert.StartsWith("Telephone alert", s),   // recorded while at Exeter
            s => Assert.StartsWith("Received into EXI", s));
        Assert.Equal(HttpStatusCode.NotFound, await TimelineStatusAsync("sec.exeter", noms));

        var page = await GetJsonAsync("sec.dartmoor", $"/api/case-record/people/{noms}/timeline?limit=2");
        var next = page.GetProperty("next").GetString();
        var rest = await GetJsonAsync("sec.dartmoor", $"/api/case-record/people/{noms}/timeline?limit=2&before={next}");
        Assert.Equal(summaries, [.. page.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("summary").GetString()!)]);
        Assert.False(rest.TryGetProperty("next", out _)); // the last page: null members are left out
    }

    [Fact]
    public async Task A_victim_liaison_officer_sees_levels_and_alerts_on_orders_but_not_other_alerts()
    {
        var levels = await PublishAsync("risk of harm levels", Exeter);
        var onOrder = await PublishAsync("telephone alert about a victim's order", Exeter);
        var noOrder = await PublishAsync("telephone alert about no order", Exeter);
        await Eventually.Until(() => RecipientsAsync(noOrder), r => r.Length > 0, Patience, "the last event to be delivered");

        var timeline = (await TimelineAsync("vlo.devon", Exeter, limit: 200)).Select(i => i.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Contains(await EntryIdAsync(levels), timeline);
        Assert.Contains(await EntryIdAsync(onOrder), timeline);
        Assert.DoesNotContain(await EntryIdAsync(noOrder), timeline);
        Assert.Contains(await EntryIdAsync(noOrder), (await TimelineAsync("police.devon", Exeter, limit: 200)).Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_stream_resumed_with_Last_Event_ID_misses_and_repeats_nothing_and_every_tab_gets_every_item()
    {
        var token = await stack.Tokens.ForUserAsync("om.plymouth");
        await using var firstTab = await InboxStream.OpenAsync(stack, token);
        await using var secondTab = await InboxStream.OpenAsync(stack, token);

        var first = await EntryOfAsync(await PublishAsync("risk of harm levels", Exeter));
        var seen = await firstTab.NextWhereAsync(e => IsAbout(e, first), Patience);
        Assert.Equal(seen.Id, (await secondTab.NextWhereAsync(e => IsAbout(e, first), Patience)).Id);
        await firstTab.DisposeAsync(); // the connection drops

        var missed = new List<long>();
        for (var i = 0; i < 3; i++) missed.Add(await EntryOfAsync(await PublishAsync("risk of harm levels", Exeter)));
        var lastWhileAway = await secondTab.NextWhereAsync(e => IsAbout(e, missed[^1]), Patience);

        await using var resumed = await InboxStream.OpenAsync(stack, token, lastEventId: seen.Id);
        var replayed = new List<InboxStream.Event>();
        while (replayed.Count == 0 || replayed[^1].Id < lastWhileAway.Id) replayed.Add(await resumed.NextAsync(Patience));

        Assert.Equal(Enumerable.Range(1, replayed.Count).Select(i => seen.Id + i), replayed.Select(e => e.Id)); // in order, once each
        Assert.Equal(missed, replayed.Select(e => e.Data.GetProperty("entryId").GetInt64()).Where(missed.Contains));

        var after = await EntryOfAsync(await PublishAsync("risk of harm levels", Exeter));
        var live = await resumed.NextWhereAsync(e => IsAbout(e, after), Patience);
        Assert.True(live.Id > replayed[^1].Id);
    }

    [Fact]
    public async Task An_item_on_the_stream_is_the_item_the_inbox_lists()
    {
        await using var stream = await InboxStream.OpenAsync(stack, await stack.Tokens.ForUserAsync("police.devon"));

        var entry = await EntryOfAsync(await PublishAsync("telephone alert about a victim's order", Exeter));
        var streamed = await stream.NextWhereAsync(e => IsAbout(e, entry), Patience);

        var listed = Assert.Single(await InboxItemsAsync("police.devon", Exeter), i => i.GetProperty("id").GetInt64() == streamed.Id);
        Assert.NotNull(streamed.Data.GetProperty("escalateAt").GetString()); // an alert is high priority
        Assert.Equal(listed.GetRawText(), streamed.Data.GetRawText());
    }

    [Fact]
    public async Task An_item_goes_from_unread_to_read_to_acknowledged_with_who_and_when()
    {
        var reference = await PublishAsync("telephone alert about a victim's order", Exeter);
        var entry = await Eventually.Until(() => EntryIdAsync(reference), id => id > 0, Patience, "the alert to be recorded");
        var item = Assert.Single(await InboxItemsAsync("police.devon", Exeter), i => i.GetProperty("entryId").GetInt64() == entry);
        var id = item.GetProperty("id").GetInt64();
        Assert.Equal("unread", item.GetProperty("state").GetString());

        using var http = await ClientAsync("police.devon");
        var read = await (await http.PostAsync($"/api/case-record/inbox/{id}/read", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("read", read.GetProperty("state").GetString());
        using var acknowledgeResponse = await http.PostAsync($"/api/case-record/inbox/{id}/acknowledge", null);
        var acknowledged = await acknowledgeResponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, acknowledgeResponse.StatusCode);
        Assert.Equal(("acknowledged", "police.devon"), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));
        Assert.True(acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset() >= read.GetProperty("readAt").GetDateTimeOffset());
        Assert.False(acknowledged.TryGetProperty("escalateAt", out _)); // null members are left out
        var listed = await GetJsonAsync("police.devon", "/api/case-record/inbox?state=acknowledged&limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        var deliveries = await GetJsonAsync("mappa.devon", $"/api/case-record/people/{Exeter}/timeline/{entry}/deliveries");
        var police = Assert.Single(deliveries.EnumerateArray(), d => d.GetProperty("userName").GetString() == "police.devon");
        Assert.Equal(("acknowledged", "police.devon"), (police.GetProperty("state").GetString(), police.GetProperty("acknowledgedBy").GetString()));
        Assert.Contains(deliveries.EnumerateArray(), d => d.GetProperty("userName").GetString() == "mappa.devon");
        Assert.Equal("Acknowledged", await stack.ScalarAsync<string>("case-record",
            $"SELECT \"State\" FROM push.inbox_items WHERE \"UserName\" = 'police.devon' AND \"TimelineEntryId\" = {entry}"));
    }

    [Fact]
    public async Task A_zone_breach_reaches_the_victim_liaison_officer_at_high_priority()
    {
        var reference = await PublishAsync("exclusion zone breached", Exeter);
        var entry = await EntryOfAsync(reference);

        var item = Assert.Single(await InboxItemsAsync("vlo.devon", Exeter), i => i.GetProperty("entryId").GetInt64() == entry);
        Assert.Equal(("high", "exclusion-zone"), (item.GetProperty("priority").GetString(), item.GetProperty("informationClass").GetString()));
        Assert.StartsWith("Exclusion zone breach (order LC-TEST-1): warn the victim.", item.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Repeated_calls_grow_the_count_of_the_alert_already_pushed_and_push_nothing_more()
    {
        var person = new PersonReference(Exeter, null);
        var first = Alert(person, "PCO-TEST-1", "repeated calls", DateTimeOffset.UtcNow);
        await TestBus.PublishAsync(stack, first);
        var reference = $"telephone-monitoring:alert:{first.AlertId}";
        var entry = await EntryOfAsync(reference);
        var recipients = await RecipientsAsync(reference);

        await TestBus.PublishAsync(stack, first with { CallCount = 3, OccurredAt = first.OccurredAt.AddMinutes(5) });

        var summary = await Eventually.Until(() => stack.ScalarAsync<string>("case-record", $"SELECT \"Summary\" FROM timeline.entries WHERE \"Id\" = {entry}"),
            s => s!.Contains("3 call(s)"), Patience, "the alert's count to grow");
        Assert.StartsWith("Telephone alert (high) at EXI: 3 call(s), not connected.", summary);
        Assert.Equal(recipients, await RecipientsAsync(reference));
        Assert.Single(await InboxItemsAsync("police.devon", Exeter), i => i.GetProperty("entryId").GetInt64() == entry);
    }

    [Fact]
    public async Task A_victim_contact_case_makes_its_unit_responsible_until_it_closes()
    {
        var caseId = Guid.NewGuid();
        var person = new PersonReference(Exeter, null);
        await TestBus.PublishAsync(stack, new VictimContactCaseAllocated(caseId, person, "push-test-vlu", null, Statutory: true, DateTimeOffset.UtcNow, Classification.Official));
        await Eventually.Until(() => UnitsAsync(), u => u.Contains("push-test-vlu"), Patience, "the unit to be responsible");
        Assert.Contains("devon-vlu", await UnitsAsync());

        await TestBus.PublishAsync(stack, new VictimContactCaseClosed(caseId, person, "push-test-vlu", DateTimeOffset.UtcNow, Classification.Official));

        var units = await Eventually.Until(() => UnitsAsync(), u => !u.Contains("push-test-vlu"), Patience, "the unit to stop being responsible");
        Assert.Contains("devon-vlu", units);

        async Task<string[]> UnitsAsync() =>
            [.. (await GetJsonAsync("om.plymouth", $"/api/case-record/people/{Exeter}")).GetProperty("responsibilities")
                .GetProperty("victimLiaisonUnits").EnumerateArray().Select(u => u.GetString()!)];
    }

    [Fact]
    public async Task A_release_is_published_for_victim_contact_with_the_release_area_and_no_address()
    {
        const string noms = "A8303PT";
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", Now(TimeSpan.FromHours(-2)), noms,
            """{"nomsNumber":"A8303PT","reason":"NEW_ADMISSION","prisonId":"EXI","firstName":"Release","lastName":"Testcase"}"""));
        Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("person.community.manager.allocated", Now(TimeSpan.FromHours(-1)), noms,
            """{"staffUsername":"om.plymouth","pdu":"plymouth"}""", crn: "X830303"));

        var released = await TestBus.FirstAsync<SentenceEventRecorded>(stack, e => e.Person.NomsNumber == noms, async () =>
            Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.released", Now(TimeSpan.Zero), noms,
                """{"nomsNumber":"A8303PT","reason":"RELEASED","prisonId":"EXI"}""")), Patience);

        Assert.Equal(("released", "RELEASED", "EXI", "plymouth"), (released.SentenceEvent, released.Reason, released.EstablishmentCode, released.ReleaseArea));
    }

    [Fact]
    public async Task People_known_only_by_noms_number_are_never_taken_for_one_another()
    {
        string[] people = ["A8404PT", "A8505PT"];
        foreach (var noms in people)
            Assert.Equal(HttpStatusCode.Accepted, await PostHmppsAsync("prisoner-offender-search.prisoner.received", Now(TimeSpan.FromHours(-1)), noms,
                $$"""{"nomsNumber":"{{noms}}","reason":"NEW_ADMISSION","prisonId":"EXI","firstName":"No","lastName":"Crn"}"""));

        foreach (var noms in people)
        {
            await Eventually.Until(() => TimelineStatusAsync("sec.exeter", noms), s => s == HttpStatusCode.OK, Patience, $"Exeter to be responsible for {noms}");
            Assert.Equal(noms, (await GetJsonAsync("sec.exeter", $"/api/case-record/people/{noms}")).GetProperty("nomsNumber").GetString());
            var entry = Assert.Single(await TimelineAsync("sec.exeter", noms));
            var deliveries = await GetJsonAsync("sec.exeter", $"/api/case-record/people/{noms}/timeline/{entry.GetProperty("id").GetInt64()}/deliveries");
            Assert.Contains(deliveries.EnumerateArray(), d => d.GetProperty("userName").GetString() == "sec.exeter");
        }

        // An entry of one is not found through the other.
        var first = Assert.Single(await TimelineAsync("sec.exeter", people[0])).GetProperty("id").GetInt64();
        using var http = await ClientAsync("sec.exeter");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/case-record/people/{people[1]}/timeline/{first}/deliveries")).StatusCode);
    }

    private static string Now(TimeSpan offset) => (DateTimeOffset.UtcNow + offset).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsAbout(InboxStream.Event e, long entryId) => e.Data.GetProperty("entryId").GetInt64() == entryId;

    private Task<long> EntryOfAsync(string sourceReference) =>
        Eventually.Until(() => EntryIdAsync(sourceReference), id => id > 0, Patience, "the event to be on the timeline");

    /// <summary>Publishes an event of the kind about the person; returns the source reference its timeline entry will carry.</summary>
    private async Task<string> PublishAsync(string kind, string noms)
    {
        var reference = $"push-test-{Guid.NewGuid():N}";
        var person = new PersonReference(noms, null);
        var now = DateTimeOffset.UtcNow;
        object message = kind switch
        {
            "risk of harm levels" => new RiskOfHarmAssessed(Guid.NewGuid(), person, RoshLevel.High, RoshLevel.VeryHigh, reference, now, Classification.OfficialSensitive),
            "telephone alert about a victim's order" => Alert(person, "PCO-TEST-1", reference, now),
            "telephone alert about no order" => Alert(person, null, reference, now),
            "prohibited-contact order varied" => new ProhibitedContactOrderVaried(Guid.NewGuid(), "LC-TEST-1", person, "licence-condition-no-contact",
                ["phone", "letter"], [new ProhibitedNumberHash(new string('a', 64), 1)], now, now.AddYears(1), reference, now, Classification.OfficialSensitive),
            "exclusion zone defined" => new ExclusionZoneDefined(Guid.NewGuid(), "LC-TEST-1", person, reference, TestZone,
                [new ExclusionZoneWindow(DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0))], now, null, now, Classification.OfficialSensitive),
            "exclusion zone breached" => new ExclusionZoneBreached(Guid.NewGuid(), Guid.NewGuid(), "LC-TEST-1", person, reference, now, Classification.OfficialSensitive),
            "inform the victim" => new VictimInformationTaskRaised(Guid.NewGuid(), Guid.NewGuid(), person, "devon-vlu", "released",
                ["the month and area of release"], ["the prison", "the exact date", "the address"], DateOnly.FromDateTime(now.UtcDateTime.AddDays(5)), now,
                Classification.OfficialSensitive),
            "victim contact overdue" => new VictimContactOverdue(Guid.NewGuid(), person, "devon-vlu", "first contact", DateOnly.FromDateTime(now.UtcDateTime), now,
                Classification.OfficialSensitive),
            "intelligence report" => new IntelligenceReportRecorded(Guid.NewGuid(), person, "EXI", 2, "B", "P", null, reference, now, Classification.OfficialSensitive),
            "monitoring authorisation review due" => new MonitoringAuthorisationReviewDue(Guid.NewGuid(), person, "EXI",
                DateOnly.FromDateTime(now.UtcDateTime.AddDays(6)), now.AddDays(10), now, Classification.OfficialSensitive),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await TestBus.PublishAsync(stack, message);
        return message switch
        {
            RiskOfHarmAssessed r => $"risk-of-harm:assessment:{r.AssessmentId}",
            TelephoneMonitoringAlertRaised a => $"telephone-monitoring:alert:{a.AlertId}",
            ProhibitedContactOrderVaried v => $"victim-contact:order-varied:{v.OrderId}:{v.OccurredAt.UtcTicks}",
            ExclusionZoneDefined z => $"victim-contact:zone-defined:{z.ZoneId}:{z.OccurredAt.UtcTicks}",
            ExclusionZoneBreached b => $"victim-contact:zone-breached:{b.BreachId}",
            VictimInformationTaskRaised t => $"victim-contact:information-task:{t.TaskId}",
            VictimContactOverdue o => $"victim-contact:overdue:{o.CaseId}:{o.Deadline}",
            IntelligenceReportRecorded i => $"telephone-monitoring:intelligence:{i.ReportId}",
            MonitoringAuthorisationReviewDue d => $"telephone-monitoring:review-due:{d.AuthorisationId}:{d.ReviewDue:yyyyMMdd}",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private const string TestZone = """{"type":"Polygon","coordinates":[[[-4.12,50.37],[-4.11,50.37],[-4.11,50.38],[-4.12,50.37]]]}""";

    private static TelephoneMonitoringAlertRaised Alert(PersonReference person, string? order, string reference, DateTimeOffset now) =>
        new(Guid.NewGuid(), person, "EXI", order, Connected: false, CallCount: 1, "high", reference, now, Classification.OfficialSensitive);

    private async Task<string[]> RecipientsAsync(string sourceReference) =>
        (await stack.ScalarAsync<string>("case-record", $"""
            SELECT string_agg(i."UserName", ',' ORDER BY i."UserName") FROM push.inbox_items i
            JOIN timeline.entries e ON e."Id" = i."TimelineEntryId" WHERE e."SourceReference" = '{sourceReference}'
            """))?.Split(',') ?? [];

    /// <summary>Recipients among the demo practitioners (other tests create users of their own at the demo prisons).</summary>
    private async Task<string[]> DemoRecipientsAsync(string sourceReference) =>
        [.. (await RecipientsAsync(sourceReference)).Where(u => stack.Demo.Users.Any(d => d.UserName == u))];

    private async Task<long> EntryIdAsync(string sourceReference) =>
        await stack.ScalarAsync<long>("case-record", $"SELECT \"Id\" FROM timeline.entries WHERE \"SourceReference\" = '{sourceReference}'");

    private async Task<HttpClient> ClientAsync(string user)
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(user));
        return http;
    }

    private async Task<JsonElement> GetJsonAsync(string user, string path)
    {
        using var http = await ClientAsync(user);
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    private async Task<List<JsonElement>> InboxItemsAsync(string user, string noms) =>
        [.. (await GetJsonAsync(user, "/api/case-record/inbox?limit=200")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("person").GetProperty("nomsNumber").GetString() == noms)];

    private async Task<List<JsonElement>> TimelineAsync(string user, string noms, int limit = 50) =>
        [.. (await GetJsonAsync(user, $"/api/case-record/people/{noms}/timeline?limit={limit}")).GetProperty("items").EnumerateArray()];

    private async Task<HttpStatusCode> TimelineStatusAsync(string user, string noms)
    {
        using var http = await ClientAsync(user);
        using var response = await http.GetAsync($"/api/case-record/people/{noms}/timeline");
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PostHmppsAsync(string eventType, string occurredAt, string noms, string additionalInformation, string? crn = null)
    {
        var identifiers = crn is null ? $$"""{"type":"NOMS","value":"{{noms}}"}""" : $$"""{"type":"NOMS","value":"{{noms}}"},{"type":"CRN","value":"{{crn}}"}""";
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForClientAsync("hmpps-events"));
        var body = $$$"""
            {"eventType":"{{{eventType}}}","version":1,"occurredAt":"{{{occurredAt}}}","description":"push test",
             "additionalInformation":{{{additionalInformation}}},"personReference":{"identifiers":[{{{identifiers}}}]}}
            """;
        using var response = await http.PostAsync("/api/case-record/integrations/hmpps-events", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
