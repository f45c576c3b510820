using System.Collections.Concurrent;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>
/// Wakes a practitioner's open streams when items were committed for them, and keeps the last few items this
/// instance committed for each practitioner who has streamed here, so a stream can write them without reading the
/// database. Items another instance committed (known here only by their sequence, from the PostgreSQL notification),
/// anything after a gap, and anything after a lost notification connection are read from the database instead.
/// </summary>
public sealed class InboxSignals
{
    private const int Kept = 32;
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new();
    private long _generation;

    /// <summary>Names this instance in its notifications, so it does not act on its own twice.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Completes at the next delivery to the user. Take it before <see cref="After"/>, so nothing slips between.</summary>
    public Task NextDeliveryTo(string userName) => _mailboxes.GetOrAdd(userName, _ => new Mailbox()).Next();

    /// <summary>An item this instance committed for the user.</summary>
    public void Committed(InboxItemView item, string userName)
    {
        if (_mailboxes.TryGetValue(userName, out var mailbox)) mailbox.Add(item);
    }

    /// <summary>The user's item <paramref name="sequence"/> was committed, here or by another instance.</summary>
    public void Delivered(string userName, long sequence)
    {
        if (_mailboxes.TryGetValue(userName, out var mailbox)) mailbox.Advance(sequence);
    }

    /// <summary>After a lost notification connection every stream reads its inbox again.</summary>
    public void DeliveredToEveryone()
    {
        Interlocked.Increment(ref _generation);
        foreach (var mailbox in _mailboxes.Values) mailbox.Wake();
    }

    /// <summary>
    /// The user's items after <paramref name="last"/> held here, in order and without a gap (at most <paramref name="max"/>);
    /// empty when nothing newer is known; null when the stream must read the database: some are not held here, or
    /// notifications may have been missed since the stream's <paramref name="generation"/> (-1 at first).
    /// </summary>
    public IReadOnlyList<InboxItemView>? After(string userName, long last, ref long generation, int max)
    {
        var current = Interlocked.Read(ref _generation);
        if (generation != current)
        {
            generation = current;
            return null;
        }

        return _mailboxes.TryGetValue(userName, out var mailbox) ? mailbox.After(last, max) : null;
    }

    private sealed class Mailbox
    {
        private readonly SortedList<long, InboxItemView> _recent = [];
        private long _latest;
        private TaskCompletionSource? _waiting;

        public Task Next()
        {
            lock (_recent) return (_waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        public void Add(InboxItemView item)
        {
            lock (_recent)
            {
                _recent.TryAdd(item.Id, item);
                while (_recent.Count > Kept) _recent.RemoveAt(0);
                _latest = Math.Max(_latest, item.Id);
                WakeLocked();
            }
        }

        public void Advance(long sequence)
        {
            lock (_recent)
            {
                if (sequence <= _latest) return;
                _latest = sequence;
                WakeLocked();
            }
        }

        public void Wake()
        {
            lock (_recent) WakeLocked();
        }

        public IReadOnlyList<InboxItemView>? After(long last, int max)
        {
            lock (_recent)
            {
                if (_latest <= last) return [];
                var items = new List<InboxItemView>();
                for (var next = last + 1; next <= _latest && items.Count < max; next++)
                {
                    if (!_recent.TryGetValue(next, out var item)) return items.Count > 0 ? items : null;
                    items.Add(item);
                }

                return items;
            }
        }

        private void WakeLocked()
        {
            _waiting?.TrySetResult();
            _waiting = null;
        }
    }
}
