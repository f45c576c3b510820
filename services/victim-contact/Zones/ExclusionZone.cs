using NetTopologySuite.Geometries;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>An exclusion zone about the case's offender: a PostGIS shape (WGS 84) and weekly windows in Europe/London time.</summary>
public sealed class ExclusionZone
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string? NomsNumber { get; set; }
    public string? Crn { get; set; }
    public Guid? OrderId { get; set; }
    public string? OrderReference { get; set; }
    public required string Name { get; set; }
    public required Geometry Shape { get; set; }
    public List<ExclusionZoneWindow> Windows { get; set; } = [];
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset DefinedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset at) => RevokedAt is null && ValidFrom <= at && (ValidUntil is null || at < ValidUntil);
}

/// <summary>A breach of a zone, reported with where and when, and the action the VLO took so the victim could be warned.</summary>
public sealed class ZoneBreach
{
    public Guid Id { get; set; }
    public Guid ZoneId { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required Point Location { get; set; }
    public required string ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string? ActionTaken { get; set; }
    public string? ActionBy { get; set; }
    public DateTimeOffset? ActionAt { get; set; }
}

/// <summary>The offender's approved address as a point, given by their offender manager: no zone may contain it.</summary>
public sealed class ApprovedAddress
{
    public required string PersonKey { get; set; }
    public required Point Location { get; set; }
    public required string GivenBy { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}
