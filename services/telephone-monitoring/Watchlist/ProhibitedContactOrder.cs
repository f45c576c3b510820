namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>
/// What this service knows of a victim contact order: its reference, its validity and the last event applied,
/// so an event older than that (delivered late or out of order) changes nothing. Never who it protects.
/// </summary>
public sealed class ProhibitedContactOrder
{
    public Guid OrderId { get; set; }
    public required string OrderReference { get; set; }
    public required string PersonKey { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>When it was revoked or expired; its numbers stop matching from then.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset LastEventAt { get; set; }

    public bool RestrictsChildContact => Kind.Contains("child", StringComparison.OrdinalIgnoreCase);

    public DateTimeOffset? ActiveUntil => (ValidUntil, EndedAt) switch
    {
        ({ } until, { } ended) => until < ended ? until : ended,
        (var until, var ended) => until ?? ended,
    };
}
