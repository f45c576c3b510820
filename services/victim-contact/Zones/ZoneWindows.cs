using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>
/// Windows are weekly, in Europe/London wall-clock time: "Tuesdays 10:00–11:00" means 10:00 on the clocks in Devon,
/// GMT in winter and BST in summer, so an instant is turned into London time before it is compared.
/// </summary>
public static class ZoneWindows
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, London);

    /// <summary>Whether <paramref name="instant"/> falls inside any window (from inclusive, to exclusive).</summary>
    public static bool InsideAnyWindow(IEnumerable<ExclusionZoneWindow> windows, DateTimeOffset instant)
    {
        var local = LocalTime(instant);
        var time = TimeOnly.FromDateTime(local);
        return windows.Any(w => w.Day == local.DayOfWeek && time >= w.From && time < w.To);
    }

    public static string? Validate(IReadOnlyList<ExclusionZoneWindow>? windows)
    {
        if (windows is null) return null;
        if (windows.Count > 50) return "At most 50 windows.";
        if (windows.Any(w => !Enum.IsDefined(w.Day))) return "A window's day must be a day of the week.";
        if (windows.Any(w => w.From >= w.To)) return "A window must end after it starts, on the same day.";
        return null;
    }
}
