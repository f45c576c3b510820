using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Npgsql;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// Secure messages between practitioners about a person, through the gateway: who may send to whom, what arrives in
/// inboxes and on the timeline, read receipts and the audit trail. Threads are about A1234BC (HMP Exeter, Devon and
/// Cornwall police, om.plymouth), each test with subjects of its own; one test registers a person of its own by
/// HMPPS events and moves them.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SecureMessageTests(HubStack stack)
{
    private const string Person = "A1234BC";
    private const string Messages = "/api/case-record/messages";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_to_two_responsible_practitioners_arrives_in_both_inboxes_and_the_thread_shows_it()
    {
        var subject = Unique("Licence conditions on release");
        const string body = "Proposed exclusion zone around the victim's home; comments by Friday please.";
        var (threadId, messageId) = await StartAsync("om.plymouth", subject, ["sec.exeter", "police.devon"], body, "OFFICIAL-SENSITIVE");

        foreach (var recipient in new[] { "sec.exeter", "police.devon" })
        {
            var item = await InboxItemAsync(recipient, subject) ?? throw new Xunit.Sdk.XunitException($"nothing in {recipient}'s inbox");
            Assert.Equal($"Secure message from om.plymouth: {subject}", item.GetProperty("summary").GetString());
            Assert.Equal(("secure-message", "OFFICIAL-SENSITIVE", "unread", Person), (item.GetProperty("informationClass").GetString(),
                item.GetProperty("classification").GetString(), item.GetProperty("state").GetString(),
                item.GetProperty("person").GetProperty("nomsNumber").GetString()));
            Assert.DoesNotContain(body, item.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Null(await InboxItemAsync("om.plymouth", subject));
        Assert.Null(await InboxItemAsync("omu.exeter", subject)); // responsible for the person, but not named

        var thread = await ThreadAsync("police.devon", threadId);
        Assert.Equal((subject, "om.plymouth", "OFFICIAL-SENSITIVE", Person), (thread.GetProperty("subject").GetString(),
            thread.GetProperty("startedBy").GetString(), thread.GetProperty("classification").GetString(),
            thread.GetProperty("person").GetProperty("nomsNumber").GetString()));
        Assert.Equal(["om.plymouth", "police.devon", "sec.exeter"],
            thread.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("userName").GetString()).Order());
        var message = Assert.Single(thread.GetProperty("messages").EnumerateArray());
        Assert.Equal((messageId, "om.plymouth", body, "OFFICIAL-SENSITIVE"), (message.GetProperty("id").GetGuid(),
            message.GetProperty("sender").GetString(), message.GetProperty("body").GetString(), message.GetProperty("classification").GetString()));
        Assert.Empty(message.GetProperty("readBy").EnumerateArray());

        var listed = await ListedAsync("sec.exeter", threadId) ?? throw new Xunit.Sdk.XunitException("the thread is not in sec.exeter's list");
        Assert.Equal((1, 1), (listed.GetProperty("messages").GetInt32(), listed.GetProperty("unread").GetInt32()));
        Assert.Equal(0, (await ListedAsync("om.plymouth", threadId))?.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_reply_goes_to_the_other_participants_and_follows_in_the_thread()
    {
        var subject = Unique("Visits list");
        var (threadId, first) = await StartAsync("om.plymouth", subject, ["sec.exeter", "police.devon"], "Who is on the visits list?");

        using var reply = await SendAsync("sec.exeter", new { threadId, body = "Two names; details to follow.", classification = "OFFICIAL" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var second = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetGuid();

        Assert.NotNull(await InboxItemAsync("om.plymouth", subject));
        Assert.Equal(2, await InboxCountAsync("police.devon", subject));
        Assert.Equal(1, await InboxCountAsync("sec.exeter", subject)); // om.plymouth's message, not their own reply
        var messages = (await ThreadAsync("om.plymouth", threadId)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([first, second], messages.Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal("sec.exeter", messages[1].GetProperty("sender").GetString());
    }

    [Fact]
    public async Task A_message_naming_anyone_not_responsible_is_refused_whole_without_saying_who_and_writes_nothing()
    {
        await DirectoryHoldsAsync(["om.plymouth", "sec.exeter", "sec.dartmoor", "police.devon", "sec.cardiff"]);
        var before = await CountsAsync();
        const string body = "Refused body text that must never come back.";
        var subject = Unique("Refused");

        var problems = new List<string>();
        foreach (var recipients in new[] { new[] { "sec.exeter", "sec.dartmoor" }, ["police.devon", "no.such.practitioner"], ["sec.cardiff"] })
        {
            using var refused = await SendAsync("om.plymouth", new { person = Person, subject, recipients, body, classification = "OFFICIAL" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var text = await refused.Content.ReadAsStringAsync();
            foreach (var echoed in recipients.Append(body).Append(subject)) Assert.DoesNotContain(echoed, text, StringComparison.Ordinal);
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.Equal(["recipients"], errors.EnumerateObject().Select(e => e.Name));
            problems.Add(errors.GetRawText());
        }

        Assert.Single(problems.Distinct()); // the same answer whoever it was
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Someone_outside_the_thread_gets_404_for_it_as_for_a_thread_that_does_not_exist()
    {
        var subject = Unique("Not for the OMU");
        var (threadId, _) = await StartAsync("om.plymouth", subject, ["sec.exeter"], "For security only.");

        var nowhere = await ProblemAsync("omu.exeter", HttpMethod.Get, $"{Messages}/{Guid.NewGuid()}");
        foreach (var outsider in new[] { "omu.exeter", "police.devon", "sec.dartmoor" })
        {
            Assert.Equal(nowhere, await ProblemAsync(outsider, HttpMethod.Get, $"{Messages}/{threadId}"));
            Assert.Equal(nowhere, await ProblemAsync(outsider, HttpMethod.Post, $"{Messages}/{threadId}/read"));
            using var reply = await SendAsync(outsider, new { threadId, body = "Let me in.", classification = "OFFICIAL" });
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
            Assert.Null(await ListedAsync(outsider, threadId));
        }

        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM messages.messages WHERE \"ThreadId\" = '{threadId}'"));
    }

    [Fact]
    public async Task The_sender_must_be_responsible_for_the_person_and_problems_name_fields_never_values()
    {
        using var notMine = await SendAsync("sec.exeter",
            new { person = "A4567EF", subject = "Cardiff", recipients = new[] { "police.devon" }, body = "x", classification = "OFFICIAL" });
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);

        using var empty = await SendAsync("sec.exeter", new { });
        Assert.Equal(["body", "classification", "person", "recipients", "subject"], await ErrorFieldsAsync(empty));

        var longBody = new string('z', 10_001);
        using var tooLong = await SendAsync("sec.exeter",
            new { person = Person, subject = "Long", recipients = new[] { "police.devon" }, body = longBody, classification = "OFFICIAL" });
        Assert.Equal(["body"], await ErrorFieldsAsync(tooLong));
        Assert.DoesNotContain("zzzz", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var replyWithRecipients = await SendAsync("sec.exeter",
            new { threadId = Guid.NewGuid(), recipients = new[] { "police.devon" }, body = "x", classification = "OFFICIAL" });
        Assert.Equal(["recipients"], await ErrorFieldsAsync(replyWithRecipients));
    }

    [Fact]
    public async Task The_thread_list_pages_by_latest_activity_and_filters_by_person()
    {
        var older = (await StartAsync("om.plymouth", Unique("Older"), ["police.devon"], "First.")).ThreadId;
        var newer = (await StartAsync("om.plymouth", Unique("Newer"), ["police.devon"], "Second.")).ThreadId;

        using var http = await ClientAsync("police.devon");
        var first = await http.GetFromJsonAsync<JsonElement>($"{Messages}?limit=1&person={Person}");
        Assert.Equal(newer, Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var second = await http.GetFromJsonAsync<JsonElement>($"{Messages}?limit=1&person={Person}&before={first.GetProperty("next").GetString()}");
        Assert.Equal(older, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var elsewhere = await http.GetFromJsonAsync<JsonElement>($"{Messages}?person=A5678FG");
        Assert.DoesNotContain(elsewhere.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == newer);
        using var invalid = await http.GetAsync($"{Messages}?person=not-a-person&before=nonsense&limit=0");
        Assert.Equal(["before", "limit", "person"], await ErrorFieldsAsync(invalid));
    }

    [Fact]
    public async Task Read_receipts_record_who_read_each_message_and_when()
    {
        var subject = Unique("Receipts");
        var (threadId, messageId) = await StartAsync("om.plymouth", subject, ["sec.exeter", "police.devon"], "Please confirm you have read this.");
        var started = DateTimeOffset.UtcNow;

        var read = await ReadAsync("sec.exeter", threadId);
        Assert.Equal([messageId], read.GetProperty("messages").EnumerateArray().Select(m => m.GetGuid()));
        var readAt = read.GetProperty("readAt").GetDateTimeOffset();
        Assert.InRange(readAt, started.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(5));

        var receipt = Assert.Single(Assert.Single((await ThreadAsync("om.plymouth", threadId)).GetProperty("messages").EnumerateArray())
            .GetProperty("readBy").EnumerateArray());
        Assert.Equal(("sec.exeter", readAt), (receipt.GetProperty("userName").GetString(), receipt.GetProperty("readAt").GetDateTimeOffset()));
        Assert.Equal("read", (await InboxItemAsync("sec.exeter", subject))?.GetProperty("state").GetString());
        Assert.Equal("unread", (await InboxItemAsync("police.devon", subject))?.GetProperty("state").GetString());

        Assert.Empty((await ReadAsync("sec.exeter", threadId)).GetProperty("messages").EnumerateArray()); // again: nothing new
        Assert.Empty((await ReadAsync("om.plymouth", threadId)).GetProperty("messages").EnumerateArray()); // their own message
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM messages.read_receipts WHERE \"MessageId\" = '{messageId}'"));

        using var http = await ClientAsync("police.devon");
        using var notInThread = await http.PostAsync($"{Messages}/{threadId}/read?upTo={Guid.NewGuid()}", null);
        Assert.Equal(HttpStatusCode.BadRequest, notInThread.StatusCode);
        Assert.Equal(["upTo"], await ErrorFieldsAsync(notInThread));
    }

    [Fact]
    public async Task The_timeline_shows_a_message_to_the_threads_participants_only()
    {
        var subject = Unique("Timeline");
        await StartAsync("om.plymouth", subject, ["sec.exeter"], "Participants only.");
        var summary = $"Secure message from om.plymouth: {subject}";

        foreach (var participant in new[] { "om.plymouth", "sec.exeter" })
        {
            var entry = Assert.Single(await TimelineAsync(participant), e => e.GetProperty("summary").GetString() == summary);
            Assert.Equal(("secure-message", "OFFICIAL"), (entry.GetProperty("informationClass").GetString(), entry.GetProperty("classification").GetString()));
        }

        foreach (var other in new[] { "omu.exeter", "police.devon", "vlo.devon", "mappa.devon" })
            Assert.DoesNotContain(await TimelineAsync(other), e => e.GetProperty("summary").GetString() == summary);
    }

    [Fact]
    public async Task Sending_reading_receipts_and_refusals_are_audited()
    {
        var sent = NewCorrelationId();
        var (threadId, _) = await StartAsync("om.plymouth", Unique("Audited"), ["sec.exeter", "police.devon"], "Audited.", correlation: sent);
        var disclosure = Assert.Single(await AuditAsync(sent));
        Assert.Equal(("om.plymouth", "Disclosure", "Succeeded"), (disclosure.Subject, disclosure.Action, disclosure.Outcome));
        Assert.Equal([Person], disclosure.Records);
        Assert.Equal(["police.devon", "sec.exeter"], disclosure.Recipients.Order());

        var looked = NewCorrelationId();
        await ThreadAsync("sec.exeter", threadId, looked);
        Assert.Equal(("sec.exeter", "Consultation", Person), Single(await AuditAsync(looked)));

        var receipted = NewCorrelationId();
        await ReadAsync("sec.exeter", threadId, receipted);
        Assert.Equal(("sec.exeter", "Alteration", Person), Single(await AuditAsync(receipted)));

        var refused = NewCorrelationId();
        await ProblemAsync("omu.exeter", HttpMethod.Get, $"{Messages}/{threadId}", refused);
        var denial = Assert.Single(await AuditAsync(refused));
        Assert.Equal(("omu.exeter", "AccessDenied", "Denied", Person), (denial.Subject, denial.Action, denial.Outcome, Assert.Single(denial.Records)));

        var notResponsible = NewCorrelationId();
        using var refusedSend = await SendAsync("om.plymouth",
            new { person = Person, subject = "x", recipients = new[] { "sec.dartmoor" }, body = "x", classification = "OFFICIAL" }, notResponsible);
        var refusal = Assert.Single(await AuditAsync(notResponsible));
        Assert.Equal(("Disclosure", "Denied", "sec.dartmoor"), (refusal.Action, refusal.Outcome, Assert.Single(refusal.Recipients)));

        static (string, string, string) Single(List<AuditEntry> entries)
        {
            var entry = Assert.Single(entries);
            return (entry.Subject, entry.Action, Assert.Single(entry.Records));
        }
    }

    [Fact]
    public async Task A_participant_no_longer_responsible_for_the_person_no_longer_sees_the_thread()
    {
        const string noms = "A9876MS";
        await PostHmppsAsync(noms, "prisoner-offender-search.prisoner.received", "NEW_ADMISSION", "EXI", "2026-11-01T09:00:00Z");
        await Eventually.Until(() => StatusAsync("omu.exeter", $"/api/case-record/people/{noms}"), s => s == HttpStatusCode.OK, Patience,
            "the OMU to be responsible for the new person");
        var (threadId, _) = await StartAsync("sec.exeter", Unique("Moving on"), ["omu.exeter"], "Transfer planned.", person: noms);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("omu.exeter", $"{Messages}/{threadId}"));

        await PostHmppsAsync(noms, "prisoner-offender-search.prisoner.received", "TRANSFERRED", "DWI", "2026-11-02T09:00:00Z");

        foreach (var former in new[] { "sec.exeter", "omu.exeter" })
        {
            await Eventually.Until(() => StatusAsync(former, $"{Messages}/{threadId}"), s => s == HttpStatusCode.NotFound, Patience,
                $"the thread to be hidden from {former}");
            Assert.Null(await ListedAsync(former, threadId));
        }

        await Eventually.Until(() => StatusAsync("sec.dartmoor", $"/api/case-record/people/{noms}"), s => s == HttpStatusCode.OK, Patience,
            "Dartmoor to be responsible for the person");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("sec.dartmoor", $"{Messages}/{threadId}"));
        Assert.DoesNotContain(await TimelineAsync("sec.dartmoor", noms), e => e.GetProperty("informationClass").GetString() == "secure-message");
    }

    private sealed record AuditEntry(string Subject, string Action, string Outcome, string[] Records, string[] Recipients);

    private async Task<(Guid ThreadId, Guid MessageId)> StartAsync(
        string sender, string subject, string[] recipients, string body, string classification = "OFFICIAL", string? correlation = null,
        string person = Person)
    {
        await DirectoryHoldsAsync([sender, .. recipients]);
        using var response = await SendAsync(sender, new { person, subject, recipients, body, classification }, correlation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        var threadId = sent.GetProperty("threadId").GetGuid();
        Assert.Equal($"/api/case-record/messages/{threadId}", response.Headers.Location?.OriginalString);
        return (threadId, sent.GetProperty("messageId").GetGuid());
    }

    /// <summary>Identity's account events fill case-record's practitioner directory; recipients are checked against it.</summary>
    private Task DirectoryHoldsAsync(string[] users) => Eventually.Until(
        () => ScalarAsync($"SELECT count(*) FROM push.practitioners WHERE NOT \"Disabled\" AND \"UserName\" IN ({string.Join(',', users.Select(u => $"'{u}'"))})"),
        n => n == users.Length, Patience, $"the practitioner directory to hold {string.Join(", ", users)}");

    private async Task<HttpResponseMessage> SendAsync(string user, object request, string? correlation = null)
    {
        using var http = await ClientAsync(user, correlation);
        return await http.PostAsJsonAsync(Messages, request);
    }

    private async Task<JsonElement> ThreadAsync(string user, Guid threadId, string? correlation = null)
    {
        using var http = await ClientAsync(user, correlation);
        using var response = await http.GetAsync($"{Messages}/{threadId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ReadAsync(string user, Guid threadId, string? correlation = null)
    {
        using var http = await ClientAsync(user, correlation);
        using var response = await http.PostAsync($"{Messages}/{threadId}/read", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement?> ListedAsync(string user, Guid threadId)
    {
        using var http = await ClientAsync(user);
        var page = await http.GetFromJsonAsync<JsonElement>($"{Messages}?limit=200");
        return page.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("id").GetGuid() == threadId).Cast<JsonElement?>().SingleOrDefault();
    }

    private async Task<List<JsonElement>> InboxAsync(string user, string subject)
    {
        using var http = await ClientAsync(user);
        var page = await http.GetFromJsonAsync<JsonElement>("/api/case-record/inbox?limit=200");
        return [.. page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("summary").GetString()!.EndsWith(subject, StringComparison.Ordinal))];
    }

    private async Task<JsonElement?> InboxItemAsync(string user, string subject) =>
        (await InboxAsync(user, subject)).Cast<JsonElement?>().FirstOrDefault();

    private async Task<int> InboxCountAsync(string user, string subject) => (await InboxAsync(user, subject)).Count;

    private async Task<List<JsonElement>> TimelineAsync(string user, string person = Person)
    {
        using var http = await ClientAsync(user);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/case-record/people/{person}/timeline?limit=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>A 404 problem's title and detail: the same for every reason it is not found.</summary>
    private async Task<(string?, string?)> ProblemAsync(string user, HttpMethod method, string path, string? correlation = null)
    {
        using var http = await ClientAsync(user, correlation);
        using var response = await http.SendAsync(new HttpRequestMessage(method, path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
    }

    private async Task<HttpStatusCode> StatusAsync(string user, string path)
    {
        using var http = await ClientAsync(user);
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];
    }

    private async Task PostHmppsAsync(string noms, string eventType, string reason, string prison, string occurredAt)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForClientAsync("hmpps-events"));
        var envelope = $$$"""
            {"eventType":"{{{eventType}}}","version":1,"occurredAt":"{{{occurredAt}}}","description":"test",
             "additionalInformation":{"nomsNumber":"{{{noms}}}","reason":"{{{reason}}}","prisonId":"{{{prison}}}","firstName":"Mel","lastName":"Sampleford"},
             "personReference":{"identifiers":[{"type":"NOMS","value":"{{{noms}}}"}]}}
            """;
        using var response = await http.PostAsync("/api/case-record/integrations/hmpps-events", new StringContent(envelope, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Rows any secure message writes: a refused one must leave them all as they were.</summary>
    private async Task<string> CountsAsync() => string.Join(',', await Task.WhenAll(
        ScalarAsync("SELECT count(*) FROM messages.threads"),
        ScalarAsync("SELECT count(*) FROM messages.participants"),
        ScalarAsync("SELECT count(*) FROM messages.messages"),
        ScalarAsync("SELECT count(*) FROM timeline.entries WHERE \"InformationClass\" = 'SecureMessage'"),
        ScalarAsync("SELECT count(*) FROM push.inbox_items i JOIN timeline.entries e ON e.\"Id\" = i.\"TimelineEntryId\" WHERE e.\"InformationClass\" = 'SecureMessage'")));

    private async Task<long> ScalarAsync(string sql) => await stack.ScalarAsync<long>("case-record", sql);

    private async Task<List<AuditEntry>> AuditAsync(string correlation)
    {
        await using var db = new NpgsqlConnection(stack.Databases["case-record"]);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT subject, action, outcome, records, recipients FROM audit.entries WHERE correlation_id = @c ORDER BY sequence", db);
        query.Parameters.AddWithValue("c", correlation);
        await using var reader = await query.ExecuteReaderAsync();
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync())
            entries.Add(new AuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4)));
        return entries;
    }

    private async Task<HttpClient> ClientAsync(string user, string? correlation = null)
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(user));
        if (correlation is not null) http.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        return http;
    }

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private static string Unique(string subject) => $"{subject} {Guid.NewGuid():N}"[..(subject.Length + 9)];
}
