using MassTransit;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist.Consumers;

/// <summary>An order's prohibited numbers (keyed hashes) replace those held for it, valid from and until its dates.</summary>
public sealed class ProhibitedContactOrderVariedConsumer(OrderWatchlist watchlist) : IConsumer<ProhibitedContactOrderVaried>
{
    public Task Consume(ConsumeContext<ProhibitedContactOrderVaried> context)
    {
        var m = context.Message;
        return watchlist.ApplyTermsAsync(m.OrderId, m.OrderReference, m.Person, m.Kind, m.ProhibitedNumbers, m.ValidFrom, m.ValidUntil,
            m.OccurredAt, context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderVariedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderVariedConsumer>;
