using System.Text.Json;

namespace PublicProtectionHub.VictimContact.Deadlines;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays, which come from a data file
/// (<c>bank-holidays-england-and-wales.json</c>, the shape of gov.uk's list) so that new years can be added
/// without a release.
/// </summary>
public sealed class WorkingDays(IReadOnlySet<DateOnly> bankHolidays)
{
    public const int ReferralWithin = 10, FirstContactWithin = 20, InformVictimWithin = 5;

    public static WorkingDays Load(string path)
    {
        using var file = File.OpenRead(path);
        var list = JsonSerializer.Deserialize<HolidayList>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} holds no bank holidays.");
        return new WorkingDays(list.Events.Select(e => e.Date).ToHashSet());
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !bankHolidays.Contains(day);

    /// <summary>The day <paramref name="count"/> working days after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly Add(DateOnly from, int count)
    {
        var day = from;
        for (var added = 0; added < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) added++;
        }

        return day;
    }

    private sealed record HolidayList(IReadOnlyList<Holiday> Events);

    private sealed record Holiday(string Title, DateOnly Date);
}
