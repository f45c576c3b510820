using System.Net;
using Duende.IdentityModel.Client;
using PublicProtectionHub.Testing;
using RabbitMQ.Client;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>HMPPS domain events published as raw JSON to the topic exchange, routing key = eventType, reach the register.</summary>
[Collection(PipelineCollection.Name)]
public sealed class HmppsQueueTests(HubStack stack)
{
    private const string Exchange = "hmpps.domain-events";
    private const string NomsNumber = "A9012KL";

    [Fact]
    public async Task An_event_on_the_exchange_is_applied_once_even_when_delivered_twice()
    {
        var body = await SampleAsync("a9012kl-new-admission-at-exi-from-the-queue");

        await PublishAsync("prisoner-offender-search.prisoner.received", body);
        await Eventually.Until(() => StatusForAsync("sec.exeter"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
            "the person received at EXI to be visible to HMP Exeter's security department");
        var history = await CountAsync("register.responsibility_history h JOIN register.people p ON p.\"Id\" = h.\"PersonId\"");

        await PublishAsync("prisoner-offender-search.prisoner.received", body);
        await Eventually.Until(() => InboxRecordsAsync(), n => n >= 1, TimeSpan.FromSeconds(30), "the inbox to hold the delivery");

        Assert.Equal(history, await CountAsync("register.responsibility_history h JOIN register.people p ON p.\"Id\" = h.\"PersonId\""));
        Assert.Equal(1, await CountAsync("integrations.hmpps_events e JOIN register.people p ON p.\"Id\" = e.\"PersonId\""));
        Assert.Equal(HttpStatusCode.NotFound, await StatusForAsync("sec.dartmoor"));
    }

    [Fact]
    public async Task A_malformed_event_goes_to_the_error_queue_and_later_events_keep_flowing()
    {
        var before = await ErrorQueueDepthAsync();

        await PublishAsync("prisoner-offender-search.prisoner.received", """{"eventType":"prisoner-offender-search.prisoner.received"}"""u8.ToArray());

        await Eventually.Until(ErrorQueueDepthAsync, n => n == before + 1, TimeSpan.FromSeconds(30), "the malformed event to reach the error queue");

        await PublishAsync("prisoner-offender-search.prisoner.received", await SampleAsync("a0123lm-new-admission-at-exi-after-a-malformed-one"));
        await Eventually.Until(() => StatusForAsync("sec.exeter", "A0123LM"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
            "the next event to be applied");
    }

    private static Task<byte[]> SampleAsync(string name) =>
        File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Pipeline", "HmppsSamples", name + ".json"));

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

    private Task<IConnection> ConnectAsync() => new ConnectionFactory
    {
        HostName = stack.Servers.RabbitHost, Port = stack.Servers.RabbitPort, VirtualHost = stack.VirtualHost,
        UserName = stack.Servers.RabbitUser, Password = stack.Servers.RabbitPassword,
    }.CreateConnectionAsync();

    private async Task PublishAsync(string routingKey, byte[] body)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(Exchange, routingKey, mandatory: true, properties, body);
    }

    private async Task<HttpStatusCode> StatusForAsync(string viewer, string person = NomsNumber)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(viewer));
        using var response = await http.GetAsync($"/api/case-record/people/{person}");
        return response.StatusCode;
    }

    private Task<long> CountAsync(string from) => ScalarAsync($"SELECT count(*) FROM {from} WHERE p.\"NomsNumber\" = '{NomsNumber}'");

    // Both deliveries have the same body and no message id, so the inbox knows them as one message.
    private Task<long> InboxRecordsAsync() =>
        ScalarAsync("SELECT count(*) FROM messaging.inbox_messages WHERE consumer LIKE '%hmpps-domain-events%'");

    private Task<long> ScalarAsync(string sql) => stack.ScalarAsync<long>("case-record", sql);
}
