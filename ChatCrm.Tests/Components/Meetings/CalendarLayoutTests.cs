using ChatCrm.Web.Components.Pages.Meetings;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>
/// How the day and week views lay out a day: meetings that overlap share their cluster's columns side by side,
/// back-to-back ones do not, and whatever lies outside the drawn hours (07:00–20:00) is clamped to their edges.
/// </summary>
public sealed class CalendarLayoutTests
{
    private static readonly DateTime Day = new(2026, 12, 3);
    private static readonly TimeSpan From = TimeSpan.FromHours(7);
    private static readonly TimeSpan To = TimeSpan.FromHours(20);
    private static readonly TimeSpan MinLength = TimeSpan.FromMinutes(30);
    private const double Hour = 1.0 / 13;

    private static CalendarItem Meeting(string title, DateTime start, DateTime end) =>
        new(Guid.NewGuid(), title, start, end, null, "Cleo Client");

    private static DateTime At(int hour, int minute = 0, int days = 0) => Day.AddDays(days).AddHours(hour).AddMinutes(minute);

    private static Dictionary<string, PlacedMeeting> Place(params CalendarItem[] items) =>
        CalendarLayout.Place(items, Day, From, To, MinLength).ToDictionary(p => p.Item.Title);

    [Fact]
    public void TwoOverlappingMeetingsSitSideBySideEachHalfWide()
    {
        var placed = Place(Meeting("A", At(9), At(10)), Meeting("B", At(9, 30), At(10, 30)));

        Assert.Equal((0, 2), (placed["A"].Column, placed["A"].Columns));
        Assert.Equal((1, 2), (placed["B"].Column, placed["B"].Columns));
        Assert.Equal(0.5, placed["B"].Left, 6);
        Assert.Equal(0.5, placed["B"].Width, 6);
        Assert.Equal(2 * Hour, placed["A"].Top, 6);
        Assert.Equal(Hour, placed["A"].Height, 6);
    }

    [Fact]
    public void BackToBackMeetingsDoNotOverlapAndTakeTheWholeWidth()
    {
        var placed = Place(Meeting("A", At(9), At(10)), Meeting("B", At(10), At(11)));

        Assert.All(placed.Values, p => Assert.Equal((0, 1), (p.Column, p.Columns)));
        Assert.Equal(1.0, placed["B"].Width, 6);
    }

    [Fact]
    public void AChainOfOverlapsIsOneClusterAndALaterMeetingReusesAFreedColumn()
    {
        // A overlaps B, B overlaps C, A and C do not: two columns, C back in A's.
        var placed = Place(Meeting("A", At(9), At(10)), Meeting("B", At(9, 30), At(10, 30)), Meeting("C", At(10, 15), At(11)));

        Assert.All(placed.Values, p => Assert.Equal(2, p.Columns));
        Assert.Equal(0, placed["A"].Column);
        Assert.Equal(1, placed["B"].Column);
        Assert.Equal(0, placed["C"].Column);
    }

    [Fact]
    public void EachClusterCountsItsOwnColumns()
    {
        var placed = Place(
            Meeting("A", At(9), At(11)), Meeting("B", At(9), At(10)), Meeting("C", At(9, 30), At(10, 30)),
            Meeting("Alone", At(14), At(15)));

        Assert.Equal(3, placed["A"].Columns);
        Assert.Equal(3, placed["B"].Columns);
        Assert.Equal(3, placed["C"].Columns);
        // Of two starting together the longer takes the left column.
        Assert.Equal((0, 1, 2), (placed["A"].Column, placed["B"].Column, placed["C"].Column));
        Assert.Equal(1.0 / 3, placed["C"].Width, 6);
        Assert.Equal((0, 1), (placed["Alone"].Column, placed["Alone"].Columns));
    }

    [Fact]
    public void AMeetingAcrossMidnightShowsItsPartOnEachDayClampedToTheHours()
    {
        var late = Meeting("Late", At(19), At(1, days: 1));

        var first = Assert.Single(CalendarLayout.Place([late], Day, From, To, MinLength));
        Assert.Equal(12 * Hour, first.Top, 6);
        Assert.Equal(Hour, first.Height, 6);
        Assert.True(first.Later);
        Assert.False(first.Earlier);

        // Next day it ended at 01:00, before the hours: drawn at the top edge, as tall as the shortest readable meeting.
        var second = Assert.Single(CalendarLayout.Place([late], Day.AddDays(1), From, To, MinLength));
        Assert.Equal(0, second.Top, 6);
        Assert.Equal(Hour / 2, second.Height, 6);
        Assert.True(second.Earlier);
    }

    [Fact]
    public void MeetingsOutsideTheHoursStayVisibleAtTheEdges()
    {
        var placed = Place(Meeting("Early", At(5), At(6)), Meeting("Evening", At(21), At(22)), Meeting("Brief", At(12), At(12, 5)));

        Assert.Equal(0, placed["Early"].Top, 6);
        Assert.Equal(Hour / 2, placed["Early"].Height, 6);
        Assert.True(placed["Early"].Earlier);
        Assert.Equal(1 - Hour / 2, placed["Evening"].Top, 6);
        Assert.Equal(Hour / 2, placed["Evening"].Height, 6);
        Assert.True(placed["Evening"].Later);
        // Five minutes is drawn as thirty, so its title can be read.
        Assert.Equal(Hour / 2, placed["Brief"].Height, 6);
        Assert.All(placed.Values, p => Assert.Equal(1, p.Columns));
    }

    [Fact]
    public void TwoMeetingsClampedToTheSameEdgeAreSideBySide()
    {
        var placed = Place(Meeting("Six", At(6), At(6, 15)), Meeting("Half past six", At(6, 30), At(6, 45)));

        Assert.All(placed.Values, p => Assert.Equal(2, p.Columns));
    }

    [Fact]
    public void OnlyTheDaysAMeetingTakesUpListIt()
    {
        var endsAtMidnight = Meeting("Till midnight", At(22), At(0, days: 1));
        var other = Meeting("Other day", At(9, days: 2), At(10, days: 2));

        Assert.Single(CalendarLayout.On([endsAtMidnight, other], Day));
        Assert.Empty(CalendarLayout.On([endsAtMidnight, other], Day.AddDays(1)));
        Assert.Empty(CalendarLayout.Place([endsAtMidnight, other], Day.AddDays(1), From, To, MinLength));
    }
}
