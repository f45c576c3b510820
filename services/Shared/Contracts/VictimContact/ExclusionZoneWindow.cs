namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>A weekly time window, in Europe/London local time, when the person may be inside a zone.</summary>
public sealed record ExclusionZoneWindow(DayOfWeek Day, TimeOnly From, TimeOnly To);
