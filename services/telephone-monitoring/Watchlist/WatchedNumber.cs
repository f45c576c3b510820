namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>
/// One keyed hash a person must not call (or that the security department watches), under one key version.
/// The number itself is never held: a dialled number is hashed under every key and looked up here.
/// </summary>
public sealed class WatchedNumber
{
    public long Id { get; set; }
    public required string PersonKey { get; set; }
    public required string Hash { get; set; }
    public int KeyVersion { get; set; }

    /// <summary>The prohibited-contact order the hash came from; null for a number of concern.</summary>
    public Guid? OrderId { get; set; }
    public string? OrderReference { get; set; }

    /// <summary>The number of concern the hash came from; null for an order's number.</summary>
    public Guid? ConcernId { get; set; }

    /// <summary>Calls to it raise alerts of a higher severity (child contact restrictions).</summary>
    public bool ChildContact { get; set; }
    public DateTimeOffset ActiveFrom { get; set; }

    /// <summary>When it stops matching: the order's end of validity, revocation or expiry, or the concern's expiry.</summary>
    public DateTimeOffset? ActiveUntil { get; set; }

    public bool IsActiveAt(DateTimeOffset at) => ActiveFrom <= at && (ActiveUntil is null || at < ActiveUntil);
}
