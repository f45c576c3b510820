using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.Testing;
using RabbitMQ.Client;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// Thin HMPPS events (what the rule needs is not in <c>additionalInformation</c>) completed from their <c>detailUrl</c>
/// by case-record, from the HMPPS stand-in. The samples point at the dev stand-in (<see cref="DevStandIn"/>); these tests
/// point them at the stack's. Uses only people the stand-in holds for the tests (A1122MN, A2233NP, A4455QR, A5566RS,
/// A6677ST) or does not hold at all (A3344PQ, A7788TU).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HmppsDetailTests(HubStack stack)
{
    private const string Endpoint = "/api/case-record/integrations/hmpps-events";
    private const string Exchange = "hmpps.domain-events";
    private const string Received = "prisoner-offender-search.prisoner.received";
    private const string DevStandIn = "http://127.0.0.1:5107";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Thin_events_are_applied_with_the_prison_the_pom_the_community_manager_and_the_registration_from_their_detail()
    {
        foreach (var sample in (string[])
                 [
                     "a1122mn-received-new-admission-detail-from-prisoner-search", "a1122mn-pom-allocated-detail-from-manage-pom-cases",
                     "a1122mn-community-manager-allocated-detail-from-delius", "a1122mn-mappa-registration-added-detail-from-delius",
                 ])
        {
            using var response = await PostAsync(sample);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var person = await PersonAsync("A1122MN", viewer: "sec.dartmoor");
        var responsibilities = person.GetProperty("responsibilities");
        Assert.Equal(("DARREN", "MOCKFORD", "X112233"),
            (person.GetProperty("givenName").GetString(), person.GetProperty("familyName").GetString(), person.GetProperty("crn").GetString()));
        Assert.Equal(("DWI", "omu.dartmoor", "om.plymouth", "plymouth"),
            (responsibilities.GetProperty("establishmentCode").GetString(), responsibilities.GetProperty("offenderSupervisor").GetString(),
                responsibilities.GetProperty("offenderManager").GetString(), responsibilities.GetProperty("probationDeliveryUnit").GetString()));
        Assert.Equal((true, 2, 1),
            (person.GetProperty("flags").GetProperty("mappaNominal").GetBoolean(), person.GetProperty("mappaLevel").GetInt32(), person.GetProperty("mappaCategory").GetInt32()));
        Assert.Equal(["Applied", "Applied", "Applied", "Applied"], await OutcomesAsync("A1122MN"));
    }

    [Fact]
    public async Task A_thin_event_from_the_exchange_is_applied_with_the_detail()
    {
        await PublishAsync(Sample("a2233np-received-new-admission-detail-from-prisoner-search-from-the-queue"));

        await Eventually.Until(() => StatusForAsync("sec.exeter", "A2233NP"), s => s == HttpStatusCode.OK, Patience,
            "the person the detail places at EXI to be visible to HMP Exeter's security department");
        Assert.Equal(["Applied"], await OutcomesAsync("A2233NP"));
    }

    [Theory]
    [InlineData("a3344pq-received-detail-not-found", "A3344PQ")]
    [InlineData("a7788tu-received-detail-about-someone-else", "A7788TU")]
    public async Task An_event_whose_detail_the_hmpps_api_does_not_have_is_recorded_and_ignored_and_again_is_a_replay(string sample, string noms)
    {
        using (var first = await PostAsync(sample)) Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using (var again = await PostAsync(sample)) Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);

        Assert.Equal(["DetailNotFound"], await OutcomesAsync(noms));
        Assert.Equal(0L, await stack.ScalarAsync<long>("case-record", $"SELECT count(*) FROM register.people WHERE \"NomsNumber\" = '{noms}'"));
    }

    [Fact]
    public async Task While_the_hmpps_api_is_down_an_event_gets_503_and_nothing_is_recorded_and_sent_again_later_it_is_applied()
    {
        const string sample = "a4455qr-received-while-the-detail-is-down";
        await stack.StopHmppsStandInAsync();
        try
        {
            await AssertRefusedForNowAsync(sample, "A4455QR");
        }
        finally
        {
            await stack.StartHmppsStandInAsync();
        }

        using var retried = await PostAsync(sample);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(["Applied"], await OutcomesAsync("A4455QR"));
        Assert.Equal(HttpStatusCode.OK, await StatusForAsync("sec.cardiff", "A4455QR"));
    }

    [Fact]
    public async Task When_the_hmpps_api_refuses_our_token_an_event_gets_503_and_once_it_accepts_it_the_event_sent_again_is_applied()
    {
        const string sample = "a5566rs-received-while-the-detail-refuses-our-token";
        await stack.StopHmppsStandInAsync();
        await stack.StartHmppsStandInAsync(new Dictionary<string, string?> { ["HmppsStandIn__Audience"] = "another-api" });
        try
        {
            await AssertRefusedForNowAsync(sample, "A5566RS");
        }
        finally
        {
            await stack.StopHmppsStandInAsync();
            await stack.StartHmppsStandInAsync();
        }

        using var retried = await PostAsync(sample);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(["Applied"], await OutcomesAsync("A5566RS"));
    }

    [Fact]
    public async Task An_event_from_the_exchange_whose_detail_cannot_be_fetched_is_retried_then_dead_lettered_unrecorded_and_published_again_is_applied()
    {
        var sample = Sample("a6677st-received-from-the-queue-while-the-detail-is-down");
        var before = await ErrorQueueDepthAsync();
        await stack.StopHmppsStandInAsync();
        try
        {
            await PublishAsync(sample);
            await Eventually.Until(ErrorQueueDepthAsync, n => n == before + 1, Patience, "the event to reach the error queue after its retries");
            Assert.Empty(await OutcomesAsync("A6677ST"));
        }
        finally
        {
            await stack.StartHmppsStandInAsync();
        }

        await PublishAsync(sample);
        await Eventually.Until(() => StatusForAsync("sec.dartmoor", "A6677ST"), s => s == HttpStatusCode.OK, Patience,
            "the event published again to be applied");
    }

    [Fact]
    public async Task A_thin_event_whose_detail_url_is_not_on_an_allowed_origin_is_refused_naming_the_fields_not_their_values()
    {
        const string body = """
            {"eventType":"prisoner-offender-search.prisoner.received","occurredAt":"2026-11-23T09:00:00Z",
             "detailUrl":"https://prisoner-search.attacker.example.org/prisoner/SECRET",
             "additionalInformation":{"reason":"NEW_ADMISSION"},"personReference":{"identifiers":[{"type":"NOMS","value":"A1122MN"}]}}
            """;
        using var http = await ClientAsync();
        using var response = await http.PostAsync(Endpoint, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("detailUrl", problem, StringComparison.Ordinal);
        Assert.Contains("additionalInformation.prisonId", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_token_for_the_hmpps_apis_opens_the_stand_in_and_it_opens_nothing_in_the_hub()
    {
        var hmppsApis = await stack.Tokens.ForClientAsync(HubStack.HmppsDetailClient);
        using var standIn = stack.NewClient(stack.HmppsStandIn);
        standIn.SetBearerToken(hmppsApis);
        using (var detail = await standIn.GetAsync("/prisoner/A1234BC")) Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        standIn.SetBearerToken(await stack.Tokens.ForClientAsync("hmpps-events"));
        using (var refused = await standIn.GetAsync("/prisoner/A1234BC")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var hub = stack.NewClient();
        hub.SetBearerToken(hmppsApis);
        using (var person = await hub.GetAsync("/api/case-record/people/A1234BC")) Assert.Equal(HttpStatusCode.Unauthorized, person.StatusCode);
        using (var intake = await hub.PostAsync(Endpoint, new ByteArrayContent(Sample("a3344pq-received-detail-not-found"))))
            Assert.Equal(HttpStatusCode.Unauthorized, intake.StatusCode);
    }

    private async Task AssertRefusedForNowAsync(string sample, string noms)
    {
        using var refused = await PostAsync(sample);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.DoesNotContain(noms, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await OutcomesAsync(noms));
    }

    /// <summary>A sample with its <c>detailUrl</c> on the stack's stand-in instead of the dev one.</summary>
    private byte[] Sample(string name)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pipeline", "HmppsSamples", $"{name}.json"));
        return Encoding.UTF8.GetBytes(json.Replace(DevStandIn, stack.HmppsStandIn.ToString().TrimEnd('/'), StringComparison.Ordinal));
    }

    private async Task<HttpClient> ClientAsync()
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForClientAsync("hmpps-events"));
        return http;
    }

    private async Task<HttpResponseMessage> PostAsync(string sample)
    {
        using var http = await ClientAsync();
        var content = new ByteArrayContent(Sample(sample));
        content.Headers.ContentType = new("application/json");
        return await http.PostAsync(Endpoint, content);
    }

    private async Task<HttpStatusCode> StatusForAsync(string viewer, string noms)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(viewer));
        using var response = await http.GetAsync($"/api/case-record/people/{noms}");
        return response.StatusCode;
    }

    private async Task<JsonElement> PersonAsync(string noms, string viewer)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(viewer));
        using var response = await http.GetAsync($"/api/case-record/people/{noms}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> OutcomesAsync(string noms)
    {
        var joined = await stack.ScalarAsync<string>("case-record",
            $"SELECT string_agg(\"Outcome\", ',' ORDER BY \"ReceivedAt\") FROM integrations.hmpps_events WHERE \"NomsNumber\" = '{noms}'");
        return joined is null ? [] : [.. joined.Split(',')];
    }

    private Task<IConnection> ConnectAsync() => new ConnectionFactory
    {
        HostName = stack.Servers.RabbitHost, Port = stack.Servers.RabbitPort, VirtualHost = stack.VirtualHost,
        UserName = stack.Servers.RabbitUser, Password = stack.Servers.RabbitPassword,
    }.CreateConnectionAsync();

    private async Task PublishAsync(byte[] body)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(Exchange, Received, mandatory: true, properties, body);
    }

    private async Task<uint> ErrorQueueDepthAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync("case-record-hmpps-domain-events_error")).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not created until the first fault
        }
    }
}
