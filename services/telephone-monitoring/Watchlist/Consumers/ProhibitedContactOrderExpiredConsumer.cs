using MassTransit;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist.Consumers;

/// <summary>An order was expired: its numbers stop matching calls made from then on.</summary>
public sealed class ProhibitedContactOrderExpiredConsumer(OrderWatchlist watchlist) : IConsumer<ProhibitedContactOrderExpired>
{
    public Task Consume(ConsumeContext<ProhibitedContactOrderExpired> context)
    {
        var m = context.Message;
        return watchlist.EndAsync(m.OrderId, m.OrderReference, m.Person, m.OccurredAt, context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderExpiredConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderExpiredConsumer>;
