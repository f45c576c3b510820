using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Testing;
using RabbitMQ.Client;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>The police intelligence feed: over HTTP by cursor and on the force's topic exchange, only the force's people.</summary>
[Collection(PipelineCollection.Name)]
public sealed class FeedTests(HubStack stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string AlertType = "public-protection.telephone-alert.raised";

    [Fact]
    public async Task An_alert_reaches_its_forces_feed_over_http_and_amqp_and_no_other_force()
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = stack.Servers.RabbitHost, Port = stack.Servers.RabbitPort, VirtualHost = stack.VirtualHost,
            UserName = stack.Servers.RabbitUser, Password = stack.Servers.RabbitPassword,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var devon = await BindAsync(channel, "devon-cornwall");
        var southWales = await BindAsync(channel, "south-wales");

        var alert = new TelephoneMonitoringAlertRaised(Guid.NewGuid(), new PersonReference("A1234BC", null), "EXI", null, true, 2, "high",
            "Feed test alert", DateTimeOffset.UtcNow, Classification.OfficialSensitive);
        await TestBus.PublishAsync(stack, alert);
        var entryId = await Eventually.Until(() => stack.ScalarAsync<long>("case-record",
                $"SELECT \"Id\" FROM timeline.entries WHERE \"SourceReference\" = 'telephone-monitoring:alert:{alert.AlertId}'"),
            id => id > 0, Patience, "the alert on the timeline");

        foreach (var reader in new[] { "police.devon", "police-intelligence" })
        {
            var item = Assert.Single((await PageAsync(reader, entryId - 1)).GetProperty("items").EnumerateArray(),
                i => i.GetProperty("additionalInformation").GetProperty("entryId").GetInt64() == entryId);
            Assert.Equal(AlertType, item.GetProperty("eventType").GetString());
            Assert.Contains(item.GetProperty("personReference").GetProperty("identifiers").EnumerateArray(),
                i => i.GetProperty("type").GetString() == "NOMS" && i.GetProperty("value").GetString() == "A1234BC");
        }

        Assert.DoesNotContain((await PageAsync("police.southwales", entryId - 1)).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("additionalInformation").GetProperty("entryId").GetInt64() == entryId);

        BasicGetResult? message = null;
        await Eventually.Until(async () =>
        {
            // Earlier entries about Devon and Cornwall's people may be relayed first: skip them.
            while (message is null && await channel.BasicGetAsync(devon, autoAck: true) is { } m) if (IsEntry(m, entryId)) message = m;
            return message;
        }, m => m is not null, Patience, "the alert on Devon and Cornwall's exchange");
        Assert.Equal(AlertType, message!.RoutingKey);
        Assert.Equal($"pph-timeline-{entryId}", message.BasicProperties.MessageId);
        Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(southWales)).MessageCount);
    }

    [Fact]
    public async Task The_cursor_moves_on_and_an_empty_page_keeps_it()
    {
        var first = await PageAsync("police.devon", 0, limit: 2);
        var next = first.GetProperty("next").GetInt64();
        var ids = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("additionalInformation").GetProperty("entryId").GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids);
        if (ids.Count > 0) Assert.Equal(ids[^1], next);

        var beyond = await PageAsync("police.devon", long.MaxValue - 1);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal(long.MaxValue - 1, beyond.GetProperty("next").GetInt64());
    }

    [Fact]
    public async Task A_reader_following_the_feed_while_alerts_are_recorded_at_once_sees_each_exactly_once()
    {
        var cursor = await stack.ScalarAsync<long>("case-record", "SELECT coalesce(max(\"Id\"), 0) FROM timeline.entries");
        var alerts = Enumerable.Range(0, 40).Select(i => new TelephoneMonitoringAlertRaised(Guid.NewGuid(), new PersonReference("A1234BC", null),
            "EXI", null, false, 1, "medium", $"Concurrent feed test alert {i}", DateTimeOffset.UtcNow, Classification.OfficialSensitive)).ToList();
        var references = string.Join(",", alerts.Select(a => $"'telephone-monitoring:alert:{a.AlertId}'"));
        var seen = new List<long>();

        var publishing = Task.WhenAll(alerts.Select(a => TestBus.PublishAsync(stack, a)));
        // Until every alert is on the timeline at or before the cursor: the reader has moved past all of them.
        await Eventually.Until(async () =>
        {
            var page = await PageAsync("police.devon", cursor);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("additionalInformation").GetProperty("entryId").GetInt64()));
            cursor = page.GetProperty("next").GetInt64();
            return await stack.ScalarAsync<long>("case-record",
                $"SELECT count(*) FROM timeline.entries WHERE \"SourceReference\" IN ({references}) AND \"Id\" <= {cursor}");
        }, n => n == alerts.Count, Patience, "the reader to move past every alert");
        await publishing;

        var recorded = await stack.ScalarAsync<string>("case-record",
            $"SELECT string_agg(\"Id\"::text, ',') FROM timeline.entries WHERE \"SourceReference\" IN ({references})");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.NotNull(recorded);
        Assert.Subset(seen.ToHashSet(), recorded.Split(',').Select(long.Parse).ToHashSet());
    }

    private static bool IsEntry(BasicGetResult m, long entryId) =>
        JsonDocument.Parse(m.Body).RootElement.GetProperty("additionalInformation").GetProperty("entryId").GetInt64() == entryId;

    /// <summary>A queue of the test's own, bound to the force's exchange for telephone alerts.</summary>
    private static async Task<string> BindAsync(IChannel channel, string force)
    {
        var exchange = $"public-protection.intelligence.{force}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        var queue = (await channel.QueueDeclareAsync($"feed-test-{force}-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, AlertType);
        return queue;
    }

    private async Task<JsonElement> PageAsync(string reader, long after, int limit = 500)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(stack.Demo.Users.Any(u => u.UserName == reader)
            ? await stack.Tokens.ForUserAsync(reader)
            : await stack.Tokens.ForClientAsync(reader));
        return await http.GetFromJsonAsync<JsonElement>($"/api/case-record/feeds/intelligence?after={after}&limit={limit}");
    }
}
