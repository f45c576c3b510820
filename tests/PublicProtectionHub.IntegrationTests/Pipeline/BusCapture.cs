using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>A message seen on the stack's broker: the exchange it was published to, its body and its headers as text.</summary>
public sealed record CapturedMessage(string Exchange, string Body, string Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>MassTransit's envelope: the contract's fields are under <c>message</c>.</summary>
    public JsonElement Message => Json.GetProperty("message");
}

/// <summary>
/// Listens on the stack's broker with a queue of its own: bound to named contract exchanges (<see cref="OfContractsAsync"/>)
/// or, with RabbitMQ's firehose, to every message published on any exchange of the virtual host (<see cref="EverythingAsync"/>).
/// </summary>
public sealed class BusCapture : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Func<Task>? _stop;
    private readonly ConcurrentQueue<CapturedMessage> _messages = new();

    private BusCapture(IConnection connection, IChannel channel, Func<Task>? stop)
    {
        _connection = connection;
        _channel = channel;
        _stop = stop;
    }

    public IReadOnlyList<CapturedMessage> Messages => [.. _messages];

    /// <summary>Messages published to a contract's exchange (MassTransit names it <c>Namespace:Type</c>).</summary>
    public IEnumerable<CapturedMessage> Of<T>() => _messages.Where(m => m.Exchange == ExchangeOf(typeof(T)));

    public static string ExchangeOf(Type contract) => $"{contract.Namespace}:{contract.Name}";

    public static async Task<BusCapture> OfContractsAsync(HubStack stack, params Type[] contracts)
    {
        var (connection, channel) = await OpenAsync(stack);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var contract in contracts)
        {
            await channel.ExchangeDeclareAsync(ExchangeOf(contract), ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, ExchangeOf(contract), "");
        }

        var capture = new BusCapture(connection, channel, null);
        await capture.ConsumeAsync(queue, firehose: false);
        return capture;
    }

    /// <summary>Turns the firehose on for the stack's virtual host and captures every publish until disposed.</summary>
    public static async Task<BusCapture> EverythingAsync(HubStack stack)
    {
        await stack.Servers.RabbitCtlAsync("trace_on", "-p", stack.VirtualHost);
        var (connection, channel) = await OpenAsync(stack);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "amq.rabbitmq.trace", "publish.#");
        var capture = new BusCapture(connection, channel, () => stack.Servers.RabbitCtlAsync("trace_off", "-p", stack.VirtualHost));
        await capture.ConsumeAsync(queue, firehose: true);
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null) await _stop();
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task ConsumeAsync(string queue, bool firehose)
    {
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = Describe(delivery.BasicProperties.Headers);
            var exchange = firehose && delivery.BasicProperties.Headers?.TryGetValue("exchange_name", out var name) == true
                ? Text(name)
                : delivery.Exchange;
            _messages.Enqueue(new CapturedMessage(exchange, Encoding.UTF8.GetString(delivery.Body.Span), headers));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue, autoAck: true, consumer);
    }

    private static async Task<(IConnection, IChannel)> OpenAsync(HubStack stack)
    {
        var connection = await new ConnectionFactory
        {
            HostName = stack.Servers.RabbitHost, Port = stack.Servers.RabbitPort, VirtualHost = stack.VirtualHost,
            UserName = stack.Servers.RabbitUser, Password = stack.Servers.RabbitPassword,
        }.CreateConnectionAsync();
        return (connection, await connection.CreateChannelAsync());
    }

    private static string Describe(IDictionary<string, object?>? headers) =>
        headers is null ? "" : string.Join("; ", headers.Select(h => $"{h.Key}={Text(h.Value)}"));

    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IDictionary<string, object?> table => "{" + Describe(table) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };
}
