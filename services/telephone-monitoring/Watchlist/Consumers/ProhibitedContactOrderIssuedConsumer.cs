using MassTransit;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist.Consumers;

/// <summary>An order's prohibited numbers (keyed hashes) join the watchlist, valid from and until its dates.</summary>
public sealed class ProhibitedContactOrderIssuedConsumer(OrderWatchlist watchlist) : IConsumer<ProhibitedContactOrderIssued>
{
    public Task Consume(ConsumeContext<ProhibitedContactOrderIssued> context)
    {
        var m = context.Message;
        return watchlist.ApplyTermsAsync(m.OrderId, m.OrderReference, m.Person, m.Kind, m.ProhibitedNumbers, m.ValidFrom, m.ValidUntil,
            m.OccurredAt, context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderIssuedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderIssuedConsumer>;
