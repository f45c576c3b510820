using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>A window as given: a day of the week and London times "HH:mm".</summary>
public sealed record WindowRequest(DayOfWeek? Day, string? From, string? To);

/// <summary>A zone as a VLO defines or varies it: a GeoJSON shape or a circle, its windows and validity.</summary>
/// <param name="OrderReference">The prohibited-contact order (e.g. licence condition) the zone belongs to, if any.</param>
public sealed record ZoneRequest(
    string? Name, string? OrderReference, JsonElement? GeoJson, CircleRequest? Circle, IReadOnlyList<WindowRequest>? Windows,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
{
    /// <summary>The shape and windows, or problems that never repeat a coordinate.</summary>
    public (Geometry? Shape, List<ExclusionZoneWindow> Windows, Dictionary<string, string[]> Errors) Validate(Point? approvedAddress)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200) errors["name"] = ["Required: at most 200 characters."];
        if (OrderReference is { Length: > 50 }) errors["orderReference"] = ["At most 50 characters."];
        var (shape, shapeError) = ZoneShapes.Build(new ShapeRequest(GeoJson, Circle));
        if (shapeError is not null) errors[Circle is not null ? "circle" : "geoJson"] = [shapeError];
        else if (ZoneShapes.CheckApprovedAddress(shape!, approvedAddress) is { } containsAddress) errors["geoJson"] = [containsAddress];

        var windows = new List<ExclusionZoneWindow>();
        foreach (var (w, i) in (Windows ?? []).Select((w, i) => (w, i)))
        {
            if (w.Day is not { } day || !TimeOnly.TryParseExact(w.From, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(w.To, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                errors[$"windows[{i}]"] = ["A day of the week and London times from and to as HH:mm."];
            else windows.Add(new ExclusionZoneWindow(day, from, to));
        }

        if (ZoneWindows.Validate(windows) is { } windowError) errors["windows"] = [windowError];
        if (ValidFrom is null) errors["validFrom"] = ["Required."];
        else if (ValidUntil is { } until && until <= ValidFrom) errors["validUntil"] = ["Must be after validFrom."];
        return (shape, windows, errors);
    }
}
