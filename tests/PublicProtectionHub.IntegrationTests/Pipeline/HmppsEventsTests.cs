using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Npgsql;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// HMPPS domain events (sample payloads in <c>HmppsSamples/</c>) posted by the <c>hmpps-events</c> client through
/// the gateway drive the register, and every service's responsibility copy follows.
/// Uses A2345CD, A3456DE, A6789GH and people registered by events, never the people other tests rely on.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HmppsEventsTests(HubStack stack)
{
    private const string Endpoint = "/api/case-record/integrations/hmpps-events";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] CopyHolders = ["risk-of-harm", "mappa", "victim-contact", "telephone-monitoring", "case-record"];

    [Fact]
    public async Task A_transfer_moves_the_person_and_every_services_copy_follows_a_replay_or_older_event_changes_nothing()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetPersonAsync("sec.exeter", "A2345CD")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a2345cd-released-transferred-from-dwi"));
        Assert.Equal("DWI", (await PersonAsync("A2345CD")).GetProperty("responsibilities").GetProperty("establishmentCode").GetString());
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a2345cd-received-transferred-at-exi"));

        foreach (var service in CopyHolders)
            await Eventually.Until(() => EstablishmentInCopyAsync(service, "A2345CD"), e => e == "EXI", Patience, $"{service}'s copy to say EXI");
        Assert.Equal(HttpStatusCode.OK, (await GetPersonAsync("sec.exeter", "A2345CD")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetPersonAsync("sec.dartmoor", "A2345CD")).StatusCode);
        var history = await HistoryCountAsync("A2345CD");

        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a2345cd-received-transferred-at-exi"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a2345cd-received-transferred-at-dwi-older"));

        Assert.Equal(history, await HistoryCountAsync("A2345CD"));
        Assert.Equal("EXI", (await PersonAsync("A2345CD")).GetProperty("responsibilities").GetProperty("establishmentCode").GetString());
        Assert.Equal(["Applied", "Applied", "Superseded"], await OutcomesAsync("A2345CD"));
    }

    [Fact]
    public async Task A_temporary_absence_and_its_return_do_not_move_responsibility()
    {
        var history = await HistoryCountAsync("A3456DE");

        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a3456de-released-temporary-absence"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a3456de-received-temporary-absence-return"));

        Assert.Equal(history, await HistoryCountAsync("A3456DE"));
        var responsibilities = (await PersonAsync("A3456DE")).GetProperty("responsibilities");
        Assert.Equal(("EXI", false), (responsibilities.GetProperty("establishmentCode").GetString(), responsibilities.GetProperty("inCommunity").GetBoolean()));
    }

    [Fact]
    public async Task Allocations_change_the_offender_supervisor_and_the_offender_manager_and_are_published()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a3456de-pom-allocated"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a3456de-community-manager-allocated"));

        var responsibilities = (await PersonAsync("A3456DE")).GetProperty("responsibilities");
        Assert.Equal("pom.exeter", responsibilities.GetProperty("offenderSupervisor").GetString());
        Assert.Equal("om.exeter", responsibilities.GetProperty("offenderManager").GetString());
        Assert.Equal("exeter", responsibilities.GetProperty("probationDeliveryUnit").GetString());
        foreach (var service in CopyHolders)
            await Eventually.Until(() => OffenderManagerInCopyAsync(service, "A3456DE"), m => m == "om.exeter", Patience, $"{service}'s copy to name om.exeter");
    }

    [Fact]
    public async Task A_mappa_registration_sets_the_flag_level_and_category_and_other_registers_are_kept_as_risk_registrations()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a6789gh-mappa-registration-added"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a6789gh-risk-registration-added"));

        var person = await PersonAsync("C678901", viewer: "police.southwales");
        Assert.True(person.GetProperty("flags").GetProperty("mappaNominal").GetBoolean());
        Assert.Equal((2, 2), (person.GetProperty("mappaLevel").GetInt32(), person.GetProperty("mappaCategory").GetInt32()));
        Assert.Equal(["RVHR"], person.GetProperty("riskRegistrations").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_demo_people_carry_their_mappa_level_and_category()
    {
        var person = await PersonAsync("A1234BC");
        Assert.Equal((2, 2), (person.GetProperty("mappaLevel").GetInt32(), person.GetProperty("mappaCategory").GetInt32()));
    }

    [Fact]
    public async Task A_person_first_known_by_noms_number_and_later_by_crn_is_one_person()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a7890hj-new-admission-at-exi"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a7890hj-community-manager-allocated"));

        await Eventually.Until(() => CopyAsync("case-record", "A7890HJ", "crn"), c => c == "X789012", Patience, "the copy to know the CRN");
        var person = await PersonAsync("X789012", viewer: "sec.exeter");
        Assert.Equal(("A7890HJ", "X789012", "om.plymouth"), (person.GetProperty("nomsNumber").GetString(), person.GetProperty("crn").GetString(),
            person.GetProperty("responsibilities").GetProperty("offenderManager").GetString()));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM register.people WHERE \"NomsNumber\" = 'A7890HJ' OR \"Crn\" = 'X789012'"));
        foreach (var service in CopyHolders)
            await Eventually.Until(() => EstablishmentInCopyAsync(service, "A7890HJ"), e => e == "EXI", Patience, $"{service}'s copy of the new person");
    }

    [Fact]
    public async Task An_event_about_nobody_known_without_a_name_is_recorded_and_registers_nobody()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("a8901jk-received-person-unknown"));

        Assert.Equal(["PersonUnknown"], await OutcomesAsync("A8901JK"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM register.people WHERE \"NomsNumber\" = 'A8901JK'"));
    }

    [Fact]
    public async Task An_unknown_event_type_is_recorded_and_ignored()
    {
        var history = await HistoryCountAsync("A5678FG");

        Assert.Equal(HttpStatusCode.Accepted, await PostSampleAsync("unknown-event-type"));

        Assert.Equal(["UnknownType"], await OutcomesAsync("A5678FG"));
        Assert.Equal(history, await HistoryCountAsync("A5678FG"));
    }

    [Theory]
    [InlineData("{\"eventType\": \"prisoner-offender-search.prisoner.received\", \"occurredAt\": ", "body")]
    [InlineData("""{"eventType":"prisoner-offender-search.prisoner.received","occurredAt":"2026-11-22T09:00:00Z","additionalInformation":{"reason":"TRANSFERRED","prisonId":"EXI"},"personReference":{"identifiers":[{"type":"NOMS","value":"Q99ZZZ-SECRET"}]}}""", "personReference.identifiers[NOMS]")]
    [InlineData("""{"eventType":"person.community.manager.allocated","occurredAt":"2026-11-22T09:00:00Z","additionalInformation":{"staffUsername":"om.exeter"},"personReference":{"identifiers":[{"type":"CRN","value":"SECRET-CRN-1"}]}}""", "personReference.identifiers[CRN]")]
    [InlineData("""{"occurredAt":"not-a-date-SECRET","personReference":{"identifiers":[]}}""", "eventType")]
    public async Task A_malformed_event_is_refused_with_a_problem_naming_the_field_and_not_echoing_the_input(string body, string field)
    {
        using var http = await ClientAsync();
        using var response = await http.PostAsync(Endpoint, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_with_a_case_record_token_gets_403_and_nobody_gets_in_without_one()
    {
        using var person = stack.NewClient();
        person.SetBearerToken(await stack.Tokens.ForUserAsync("sec.exeter"));
        using var forbidden = await person.PostAsync(Endpoint, Sample("unknown-event-type"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);

        using var anonymous = stack.NewClient();
        using var unauthorized = await anonymous.PostAsync(Endpoint, Sample("unknown-event-type"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private async Task<HttpClient> ClientAsync()
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForClientAsync("hmpps-events"));
        return http;
    }

    private async Task<HttpStatusCode> PostSampleAsync(string name)
    {
        using var http = await ClientAsync();
        using var response = await http.PostAsync(Endpoint, Sample(name));
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        return response.StatusCode;
    }

    private static ByteArrayContent Sample(string name)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pipeline", "HmppsSamples", $"{name}.json")));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private async Task<HttpResponseMessage> GetPersonAsync(string viewer, string identifier)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(viewer));
        return await http.GetAsync($"/api/case-record/people/{identifier}");
    }

    /// <summary>The person as case-record shows them to <paramref name="viewer"/> (police see their force's people).</summary>
    private async Task<JsonElement> PersonAsync(string identifier, string viewer = "police.devon")
    {
        using var response = await GetPersonAsync(viewer, identifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<long> HistoryCountAsync(string noms) => ScalarAsync<long>(
        $"SELECT count(*) FROM register.responsibility_history h JOIN register.people p ON p.\"Id\" = h.\"PersonId\" WHERE p.\"NomsNumber\" = '{noms}'");

    private async Task<List<string>> OutcomesAsync(string noms)
    {
        await using var db = new NpgsqlConnection(stack.Databases["case-record"]);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT \"Outcome\" FROM integrations.hmpps_events WHERE \"NomsNumber\" = @n ORDER BY \"ReceivedAt\"", db);
        query.Parameters.AddWithValue("n", noms);
        await using var reader = await query.ExecuteReaderAsync();
        var outcomes = new List<string>();
        while (await reader.ReadAsync()) outcomes.Add(reader.GetString(0));
        return outcomes;
    }

    private Task<string?> EstablishmentInCopyAsync(string service, string noms) => CopyAsync(service, noms, "establishment_code");

    private Task<string?> OffenderManagerInCopyAsync(string service, string noms) => CopyAsync(service, noms, "offender_manager");

    private Task<string?> CopyAsync(string service, string noms, string column) =>
        stack.ScalarAsync<string>(service, $"SELECT {column} FROM access.responsibilities WHERE noms_number = '{noms}'");

    private async Task<T> ScalarAsync<T>(string sql) => (await stack.ScalarAsync<T>("case-record", sql))!;
}
