using MassTransit;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.Identity;
using PublicProtectionHub.Identity.Users;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Services;

/// <summary>
/// Identity publishes practitioner accounts as mandatory: on a first start it may publish before case-record
/// has bound its queue, and the broker must refuse the event (the outbox retries it) rather than drop it.
/// </summary>
public sealed class PractitionerAccountPublishingTests
{
    [Fact]
    public async Task A_practitioner_account_event_is_refused_while_no_queue_is_bound_and_delivered_once_one_is()
    {
        var servers = await TestServers.GetAsync();
        var vhost = await servers.CreateVirtualHostAsync("mandatory");
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(servers.RabbitHost, (ushort)servers.RabbitPort, vhost, h =>
            {
                h.Username(servers.RabbitUser);
                h.Password(servers.RabbitPassword);
                h.PublisherConfirmation = true;
            });
            cfg.PublishPractitionerAccountsMandatory();
        });
        await bus.StartAsync();
        try
        {
            var account = new PractitionerAccountChanged("sec.test", "Test", "prison-security",
                new Dictionary<string, string> { ["establishment"] = "EXI" }, false, DateTimeOffset.UtcNow, Classification.Official);

            await Assert.ThrowsAsync<MessageReturnedException>(() => bus.Publish(account));

            var received = new TaskCompletionSource<PractitionerAccountChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
            var endpoint = bus.ConnectReceiveEndpoint("test-practitioner-directory", e => e.Handler<PractitionerAccountChanged>(c =>
            {
                received.TrySetResult(c.Message);
                return Task.CompletedTask;
            }));
            await endpoint.Ready;
            await bus.Publish(account);
            Assert.Equal("sec.test", (await received.Task.WaitAsync(TimeSpan.FromSeconds(30))).UserName);
        }
        finally
        {
            await bus.StopAsync();
            await servers.DeleteVirtualHostAsync(vhost);
        }
    }
}
