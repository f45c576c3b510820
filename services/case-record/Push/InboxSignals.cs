using System.Collections.Concurrent;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>Wakes a practitioner's open streams when items were committed for them.</summary>
public sealed class InboxSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    /// <summary>Completes at the next delivery to the user. Take it before reading the inbox, so nothing slips between.</summary>
    public Task NextDeliveryTo(string userName) =>
        _waiting.GetOrAdd(userName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Delivered(string userName)
    {
        if (_waiting.TryRemove(userName, out var waiting)) waiting.TrySetResult();
    }

    /// <summary>After a lost notification connection every stream reads its inbox again.</summary>
    public void DeliveredToEveryone()
    {
        foreach (var userName in _waiting.Keys) Delivered(userName);
    }
}
