using PublicProtectionHub.VictimContact.Deadlines;

namespace PublicProtectionHub.UnitTests.VictimContact;

public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Calendar =
        WorkingDays.Load(Path.Combine(AppContext.BaseDirectory, "Reference", "bank-holidays-england-and-wales.json"));

    [Theory]
    [InlineData("2026-06-01", 10, "2026-06-15")] // Monday: two plain weeks
    [InlineData("2026-06-05", 1, "2026-06-08")]  // Friday: the weekend does not count
    [InlineData("2026-06-06", 1, "2026-06-08")]  // from a Saturday
    [InlineData("2026-03-27", 10, "2026-04-14")] // Good Friday and Easter Monday 2026
    [InlineData("2026-04-20", 20, "2026-05-19")] // the early May bank holiday
    [InlineData("2026-12-18", 5, "2026-12-29")]  // Christmas Day and Boxing Day's substitute (28 December)
    [InlineData("2027-12-24", 1, "2027-12-29")]  // both Christmas substitutes in 2027
    [InlineData("2026-08-28", 1, "2026-09-01")]  // Friday before the summer bank holiday
    public void Adding_working_days_skips_weekends_and_bank_holidays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.Add(DateOnly.Parse(from), days));

    [Fact]
    public void A_bank_holiday_from_the_data_file_is_not_a_working_day_and_an_added_one_is_honoured()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
        var withExtra = new WorkingDays(new HashSet<DateOnly> { new(2026, 6, 2) });
        Assert.Equal(new DateOnly(2026, 6, 3), withExtra.Add(new DateOnly(2026, 6, 1), 1));
    }
}
