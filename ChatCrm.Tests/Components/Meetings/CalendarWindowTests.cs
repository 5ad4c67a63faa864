using ChatCrm.Web.Components.Pages.Meetings;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>What each view shows and so loads: a day, a Monday-to-Sunday week, the whole weeks a month touches.</summary>
public sealed class CalendarWindowTests
{
    private static readonly DateTime Thursday = new(2026, 12, 3);

    [Fact]
    public void EachViewLoadsExactlyTheDaysItShows()
    {
        var day = new CalendarWindow(CalendarView.Day, Thursday.AddHours(15));
        Assert.Equal((Thursday, Thursday.AddDays(1)), (day.Start, day.End));

        var week = new CalendarWindow(CalendarView.Week, Thursday);
        Assert.Equal((new DateTime(2026, 11, 30), new DateTime(2026, 12, 7)), (week.Start, week.End));
        Assert.Equal(7, week.Days.Count);

        var month = new CalendarWindow(CalendarView.Month, Thursday);
        Assert.Equal((new DateTime(2026, 11, 30), new DateTime(2027, 1, 4)), (month.Start, month.End));
        Assert.Equal(35, month.Days.Count);
        Assert.Equal(DayOfWeek.Monday, month.Start.DayOfWeek);
    }

    [Fact]
    public void PreviousAndNextMoveByTheView()
    {
        Assert.Equal(Thursday.AddDays(-1), new CalendarWindow(CalendarView.Day, Thursday).Previous().Anchor);
        Assert.Equal(Thursday.AddDays(7), new CalendarWindow(CalendarView.Week, Thursday).Next().Anchor);
        var next = new CalendarWindow(CalendarView.Month, new DateTime(2027, 1, 31)).Next();
        Assert.Equal((2027, 2), (next.Anchor.Year, next.Anchor.Month));
    }

    [Fact]
    public void TitlesNameWhatIsShown()
    {
        Assert.Equal("Thursday 3 December 2026", new CalendarWindow(CalendarView.Day, Thursday).Title);
        Assert.Equal("30 Nov 2026 – 6 Dec 2026", new CalendarWindow(CalendarView.Week, Thursday).Title);
        Assert.Equal("29 Dec 2025 – 4 Jan 2026", new CalendarWindow(CalendarView.Week, new DateTime(2026, 1, 1)).Title);
        Assert.Equal("December 2026", new CalendarWindow(CalendarView.Month, Thursday).Title);
    }
}
