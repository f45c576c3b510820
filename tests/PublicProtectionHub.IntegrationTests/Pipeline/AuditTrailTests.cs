using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Npgsql;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>The s.62 log as a request through the gateway leaves it in the service's own database.</summary>
[Collection(PipelineCollection.Name)]
public sealed class AuditTrailTests(HubStack stack)
{
    private const string InScope = "A1234BC", OutOfScope = "A4567EF";

    private sealed record Entry(string Subject, string Role, string Agency, string Action, string[] Records, string Outcome, string Justification, DateTime OccurredAt);

    [Fact]
    public async Task A_consultation_writes_exactly_one_entry_naming_who_when_which_record_and_why()
    {
        var correlation = NewCorrelationId();
        using var response = await GetAsync("sec.exeter", $"/api/case-record/people/{InScope}", correlation, justification: "arrival review");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync("case-record", correlation));
        Assert.Equal(("sec.exeter", "prison-security", "prison"), (entry.Subject, entry.Role, entry.Agency));
        Assert.Equal(("Consultation", "Succeeded", "arrival review"), (entry.Action, entry.Outcome, entry.Justification));
        Assert.Equal([InScope], entry.Records);
        Assert.InRange(entry.OccurredAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_refusal_answers_404_and_writes_exactly_one_denial()
    {
        var correlation = NewCorrelationId();
        using var response = await GetAsync("sec.exeter", $"/api/risk-of-harm/people/{OutOfScope}/responsibility", correlation);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync("risk-of-harm", correlation));
        Assert.Equal(("sec.exeter", "AccessDenied", "Denied"), (entry.Subject, entry.Action, entry.Outcome));
        Assert.Equal([OutOfScope], entry.Records);
    }

    [Fact]
    public async Task Reading_the_audit_log_is_itself_logged()
    {
        var correlation = NewCorrelationId();
        using var response = await GetAsync("auditor", "/api/mappa/audit/entries?limit=5", correlation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync("mappa", correlation));
        Assert.Equal(("auditor", "auditor", "Consultation"), (entry.Subject, entry.Role, entry.Action));
    }

    [Fact]
    public async Task The_auditor_finds_the_chain_intact_and_an_altered_entry_breaks_it()
    {
        await GetAsync("mappa.devon", $"/api/mappa/people/{InScope}/responsibility", NewCorrelationId());
        Assert.True((await VerifyAsync("mappa")).GetProperty("intact").GetBoolean());

        await using var db = await OpenAsync("mappa");
        var (sequence, subject) = await FirstEntryAsync(db);
        await ExecuteAsync(db, "UPDATE audit.entries SET subject = 'someone-else' WHERE sequence = @s", sequence);
        try
        {
            var verification = await VerifyAsync("mappa");
            Assert.False(verification.GetProperty("intact").GetBoolean());
            Assert.Equal(sequence, verification.GetProperty("firstBrokenSequence").GetInt64());
        }
        finally
        {
            await ExecuteAsync(db, "UPDATE audit.entries SET subject = @subject WHERE sequence = @s", sequence, subject);
        }

        Assert.True((await VerifyAsync("mappa")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task When_the_audit_log_cannot_be_written_the_request_fails_and_returns_nothing()
    {
        await using var db = await OpenAsync("case-record");
        await ExecuteAsync(db, """
            CREATE OR REPLACE FUNCTION audit.refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down (test)'; END $$;
            CREATE TRIGGER audit_store_down BEFORE INSERT ON audit.entries FOR EACH ROW EXECUTE FUNCTION audit.refuse_for_test();
            """);
        try
        {
            using var refused = await GetAsync("sec.exeter", $"/api/case-record/people/{InScope}", NewCorrelationId());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(InScope, body.Replace($"/people/{InScope}", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("dateOfBirth", body, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await ExecuteAsync(db, "DROP TRIGGER audit_store_down ON audit.entries; DROP FUNCTION audit.refuse_for_test();");
        }

        using var again = await GetAsync("sec.exeter", $"/api/case-record/people/{InScope}", NewCorrelationId());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private async Task<HttpResponseMessage> GetAsync(string user, string path, string correlation, string? justification = null)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(user));
        http.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        if (justification is not null) http.DefaultRequestHeaders.Add("X-Justification", justification);
        return await http.GetAsync(path);
    }

    private async Task<JsonElement> VerifyAsync(string service)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync("auditor"));
        return await http.GetFromJsonAsync<JsonElement>($"/api/{service}/audit/verify");
    }

    private async Task<List<Entry>> EntriesAsync(string service, string correlation)
    {
        await using var db = await OpenAsync(service);
        await using var query = new NpgsqlCommand(
            "SELECT subject, role, agency, action, records, outcome, justification, occurred_at FROM audit.entries WHERE correlation_id = @c", db);
        query.Parameters.AddWithValue("c", correlation);
        await using var reader = await query.ExecuteReaderAsync();
        var entries = new List<Entry>();
        while (await reader.ReadAsync())
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<string[]>(4), reader.GetString(5), reader.GetString(6), reader.GetDateTime(7)));
        return entries;
    }

    private static async Task<(long Sequence, string Subject)> FirstEntryAsync(NpgsqlConnection db)
    {
        await using var query = new NpgsqlCommand("SELECT sequence, subject FROM audit.entries ORDER BY sequence LIMIT 1", db);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no audit entries to alter");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private async Task<NpgsqlConnection> OpenAsync(string service)
    {
        var db = new NpgsqlConnection(stack.Databases[service]);
        await db.OpenAsync();
        return db;
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, long? sequence = null, string? subject = null)
    {
        await using var command = new NpgsqlCommand(sql, db);
        if (sequence is not null) command.Parameters.AddWithValue("s", sequence.Value);
        if (subject is not null) command.Parameters.AddWithValue("subject", subject);
        await command.ExecuteNonQueryAsync();
    }
}
