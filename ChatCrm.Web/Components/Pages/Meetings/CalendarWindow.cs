using System.Globalization;
using ChatCrm.Core.Common;

namespace ChatCrm.Web.Components.Pages.Meetings;

public enum CalendarView
{
    Day,
    Week,
    Month,
}

/// <summary>A time the person picked in the calendar to schedule at: the reader's wall clock, end exclusive.</summary>
public readonly record struct CalendarRange(DateTime Start, DateTime End);

/// <summary>
/// What the calendar shows: a view and a day in it. The window is exactly what is loaded (<see cref="Start"/> to
/// <see cref="End"/>, the reader's wall clock); weeks start on Monday; a month shows the whole weeks it touches.
/// </summary>
public readonly record struct CalendarWindow(CalendarView View, DateTime Anchor)
{
    /// <summary>The hours the day and week views draw; meetings outside them sit at the nearest edge.</summary>
    public static readonly TimeSpan DayFrom = TimeSpan.FromHours(7);

    public static readonly TimeSpan DayTo = TimeSpan.FromHours(20);

    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    public static int SlotCount => (int)((DayTo - DayFrom) / SlotLength);

    public DateTime Start => View switch
    {
        CalendarView.Day => Anchor.Date,
        CalendarView.Week => MondayOf(Anchor.Date),
        _ => MondayOf(new DateTime(Anchor.Year, Anchor.Month, 1)),
    };

    public DateTime End => View switch
    {
        CalendarView.Day => Anchor.Date.AddDays(1),
        CalendarView.Week => Start.AddDays(7),
        _ => MondayOf(new DateTime(Anchor.Year, Anchor.Month, 1).AddMonths(1).AddDays(-1)).AddDays(7),
    };

    public IReadOnlyList<DateTime> Days
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, (int)(End - start).TotalDays).Select(d => start.AddDays(d)).ToList();
        }
    }

    public CalendarWindow Previous() => Move(-1);

    public CalendarWindow Next() => Move(1);

    /// <summary>"Thursday 3 December 2026", "30 Nov 2026 – 6 Dec 2026", "December 2026": the reader's date formats.</summary>
    public string Title => View switch
    {
        CalendarView.Day => ReaderTime.LongDate(DateOnly.FromDateTime(Anchor)),
        CalendarView.Week => $"{ReaderTime.ShortDate(DateOnly.FromDateTime(Start))} – {ReaderTime.ShortDate(DateOnly.FromDateTime(End.AddDays(-1)))}",
        // A month is no date, so it has no reader format of its own.
        _ => Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>"day", "week" or "month": for "Previous week" and the like.</summary>
    public string Unit => View.ToString().ToLowerInvariant();

    private CalendarWindow Move(int step) => this with
    {
        Anchor = View switch
        {
            CalendarView.Day => Anchor.Date.AddDays(step),
            CalendarView.Week => Anchor.Date.AddDays(7 * step),
            _ => new DateTime(Anchor.Year, Anchor.Month, 1).AddMonths(step),
        },
    };

    private static DateTime MondayOf(DateTime day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
