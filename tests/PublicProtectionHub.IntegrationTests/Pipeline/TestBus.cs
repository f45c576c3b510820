using MassTransit;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Publishes hub contracts onto the stack's RabbitMQ as another service's outbox would.</summary>
public static class TestBus
{
    public static async Task PublishAsync(HubStack stack, object message, Guid? messageId = null)
    {
        var bus = Connect(stack);
        await bus.StartAsync();
        try
        {
            // The contract's own type: its exchange, not System.Object's.
            await bus.Publish(message, message.GetType(), c => c.MessageId = messageId ?? c.MessageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>
    /// Listens on a queue of its own for <typeparamref name="T"/>, runs <paramref name="trigger"/>, and returns the first
    /// message that matches.
    /// </summary>
    public static async Task<T> FirstAsync<T>(HubStack stack, Func<T, bool> match, Func<Task> trigger, TimeSpan patience) where T : class
    {
        var bus = Connect(stack);
        await bus.StartAsync();
        try
        {
            var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var endpoint = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), DefaultEndpointNameFormatter.Instance, e => e.Handler<T>(c =>
            {
                if (match(c.Message)) found.TrySetResult(c.Message);
                return Task.CompletedTask;
            }));
            await endpoint.Ready;
            await trigger();
            return await found.Task.WaitAsync(patience);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static IBusControl Connect(HubStack stack) =>
        Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(stack.Servers.RabbitHost, (ushort)stack.Servers.RabbitPort, stack.VirtualHost, h =>
        {
            h.Username(stack.Servers.RabbitUser);
            h.Password(stack.Servers.RabbitPassword);
        }));
}
