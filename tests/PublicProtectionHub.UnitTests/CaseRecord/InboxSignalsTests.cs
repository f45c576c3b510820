using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.UnitTests.CaseRecord;

public sealed class InboxSignalsTests
{
    private const string User = "om.plymouth";
    private readonly InboxSignals _signals = new();

    [Fact]
    public void A_stream_reads_the_database_first_and_then_takes_what_was_committed_here_in_order()
    {
        var generation = -1L;
        _ = _signals.NextDeliveryTo(User);
        Assert.Null(_signals.After(User, 0, ref generation, 100));

        _signals.Committed(Item(2), User);
        _signals.Committed(Item(1), User); // two transactions' hooks may run in either order
        Assert.Equal([1L, 2L], _signals.After(User, 0, ref generation, 100)!.Select(i => i.Id));
        Assert.Equal([2L], _signals.After(User, 1, ref generation, 100)!.Select(i => i.Id));
        Assert.Empty(_signals.After(User, 2, ref generation, 100)!);
        Assert.Equal([1L], _signals.After(User, 0, ref generation, 1)!.Select(i => i.Id));
    }

    [Fact]
    public void A_gap_or_an_item_committed_elsewhere_sends_the_stream_to_the_database()
    {
        var generation = -1L;
        _ = _signals.NextDeliveryTo(User);
        _ = _signals.After(User, 0, ref generation, 100);

        _signals.Committed(Item(2), User);
        Assert.Null(_signals.After(User, 0, ref generation, 100)); // item 1 is not held here

        _signals.Delivered(User, 3); // committed by another instance
        Assert.Null(_signals.After(User, 2, ref generation, 100));
    }

    [Fact]
    public void A_delivery_wakes_the_stream_and_a_lost_notification_connection_sends_every_stream_to_the_database()
    {
        var generation = -1L;
        var woken = _signals.NextDeliveryTo(User);
        _ = _signals.After(User, 0, ref generation, 100);
        Assert.False(woken.IsCompleted);

        _signals.Committed(Item(1), User);
        Assert.True(woken.IsCompleted);
        Assert.Single(_signals.After(User, 0, ref generation, 100)!);

        var next = _signals.NextDeliveryTo(User);
        _signals.Delivered(User, 1); // this instance's own commit, already held: no wake-up
        Assert.False(next.IsCompleted);
        _signals.DeliveredToEveryone();
        Assert.True(next.IsCompleted);
        Assert.Null(_signals.After(User, 1, ref generation, 100));
        Assert.Empty(_signals.After(User, 1, ref generation, 100)!);
    }

    [Fact]
    public void A_notification_wakes_streams_only_for_what_another_instance_committed()
    {
        const string payload = "other;om.plymouth:7,sec.exeter:12";
        Assert.Equal([("om.plymouth", 7L), ("sec.exeter", 12L)], InboxNotifications.CommittedElsewhere(payload, _signals.Instance));
        Assert.Empty(InboxNotifications.CommittedElsewhere($"{_signals.Instance};om.plymouth:8", _signals.Instance));
        Assert.Empty(InboxNotifications.CommittedElsewhere("om.plymouth,sec.exeter", _signals.Instance)); // not ours to read
    }

    private static InboxItemView Item(long sequence) => new(
        sequence, new PersonReference("A1234BC", null), sequence, "risk-of-harm", "RiskOfHarmAssessed", InformationClass.RiskLevels,
        Classification.OfficialSensitive, Priority.Normal, "Risk of harm high to very high.", DateTimeOffset.UnixEpoch, DeliveryReason.Responsible,
        InboxItemState.Unread, DateTimeOffset.UnixEpoch, null, null, null, null);
}
