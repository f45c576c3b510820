using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.UnitTests.VictimContact;

/// <summary>Windows are London wall-clock times: the same UTC hour is inside on one side of a clock change and outside on the other.</summary>
public sealed class ZoneWindowsTests
{
    private static readonly ExclusionZoneWindow[] ShopOnTuesdays = [new(DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0))];

    [Theory]
    [InlineData("2026-03-24T10:30:00Z", true)]  // GMT: 10:30 local
    [InlineData("2026-03-24T09:30:00Z", false)] // GMT: 09:30 local
    [InlineData("2026-03-31T09:30:00Z", true)]  // BST from 29 March: 10:30 local
    [InlineData("2026-03-31T10:30:00Z", false)] // BST: 11:30 local
    [InlineData("2026-10-20T09:30:00Z", true)]  // still BST
    [InlineData("2026-10-20T10:30:00Z", false)]
    [InlineData("2026-10-27T10:30:00Z", true)]  // GMT again from 25 October
    [InlineData("2026-10-27T09:30:00Z", false)]
    [InlineData("2026-03-25T10:30:00Z", false)] // a Wednesday
    [InlineData("2026-03-24T11:00:00Z", false)] // the window ends at 11:00, exclusive
    public void A_weekly_window_follows_London_time_across_the_clock_changes(string instant, bool inside) =>
        Assert.Equal(inside, ZoneWindows.InsideAnyWindow(ShopOnTuesdays, DateTimeOffset.Parse(instant)));

    [Theory]
    [InlineData("2026-03-29T00:45:00Z", false)] // 00:45 GMT
    [InlineData("2026-03-29T01:15:00Z", true)]  // 02:15 BST: 01:00-02:00 local never happened
    [InlineData("2026-10-25T00:30:00Z", true)]  // 01:30 BST
    [InlineData("2026-10-25T01:30:00Z", true)]  // 01:30 GMT: the hour repeats, both are inside
    [InlineData("2026-10-25T02:30:00Z", false)] // 02:30 GMT
    public void Windows_on_the_nights_the_clocks_change(string instant, bool inside)
    {
        ExclusionZoneWindow[] sundayNight = [new(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(2, 30))];
        Assert.Equal(inside, ZoneWindows.InsideAnyWindow(sundayNight, DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused() =>
        Assert.NotNull(ZoneWindows.Validate([new(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(10, 0))]));
}
