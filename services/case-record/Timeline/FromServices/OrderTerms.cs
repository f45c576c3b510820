using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>How an order's and a zone's terms read on a timeline: never who they protect.</summary>
internal static class OrderTerms
{
    public static string Of(string kind, string reference, DateTimeOffset from, DateTimeOffset? until, IReadOnlyList<string> means)
    {
        var end = until is { } u ? $" until {u:yyyy-MM-dd}" : "";
        return $"{kind} {reference} from {from:yyyy-MM-dd}{end}; prohibited: {string.Join(", ", means)}.";
    }

    public static string Zone(string name, string? orderReference, DateTimeOffset from, DateTimeOffset? until, IReadOnlyList<ExclusionZoneWindow> windows)
    {
        var end = until is { } u ? $" until {u:yyyy-MM-dd}" : "";
        var order = orderReference is null ? "" : $" (order {orderReference})";
        var except = windows.Count == 0 ? "" :
            "; except " + string.Join(", ", windows.Select(w => $"{w.Day}s {w.From:HH\\:mm}–{w.To:HH\\:mm}")) + " (Europe/London)";
        return $"Exclusion zone '{name}'{order} from {from:yyyy-MM-dd}{end}{except}.";
    }

    /// <summary>A zone defined or varied: the event carries the whole zone, so each is an entry of its own.</summary>
    public static TimelineEntry ZoneEntry(string change, Guid zoneId, string? orderReference, string name, DateTimeOffset from,
        DateTimeOffset? until, IReadOnlyList<ExclusionZoneWindow> windows, DateTimeOffset occurredAt, Contracts.Classification classification) => new()
    {
        Source = "victim-contact", EventType = $"exclusion-zone.{change.ToLowerInvariant()}",
        InformationClass = InformationClass.ExclusionZone, Classification = classification, Priority = Priority.Normal,
        OccurredAt = occurredAt, OrderReference = orderReference,
        Summary = $"{change}: {Zone(name, orderReference, from, until, windows)}",
        SourceReference = $"victim-contact:zone-{change.ToLowerInvariant()}:{zoneId}:{occurredAt.UtcTicks}",
    };

    public static void Holds(this Person person, string orderReference, bool inForce)
    {
        var others = person.ProhibitedContactOrders.Where(o => o != orderReference);
        person.ProhibitedContactOrders = inForce ? [.. others, orderReference] : [.. others];
    }
}
