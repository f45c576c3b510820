using MassTransit;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist.Consumers;

/// <summary>An order was revoked: its numbers stop matching calls made from then on.</summary>
public sealed class ProhibitedContactOrderRevokedConsumer(OrderWatchlist watchlist) : IConsumer<ProhibitedContactOrderRevoked>
{
    public Task Consume(ConsumeContext<ProhibitedContactOrderRevoked> context)
    {
        var m = context.Message;
        return watchlist.EndAsync(m.OrderId, m.OrderReference, m.Person, m.OccurredAt, context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderRevokedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderRevokedConsumer>;
