using MassTransit;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Publishes hub contracts onto the stack's RabbitMQ as another service's outbox would.</summary>
public static class TestBus
{
    public static async Task PublishAsync(HubStack stack, object message)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(stack.Servers.RabbitHost, (ushort)stack.Servers.RabbitPort, stack.VirtualHost, h =>
        {
            h.Username(stack.Servers.RabbitUser);
            h.Password(stack.Servers.RabbitPassword);
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, message.GetType()); // the contract's own type: its exchange, not System.Object's
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
