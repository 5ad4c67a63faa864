using System.Globalization;

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

    /// <summary>"Thu 3 Dec 2026", "30 Nov – 6 Dec 2026", "December 2026".</summary>
    public string Title
    {
        get
        {
            var culture = CultureInfo.InvariantCulture;
            switch (View)
            {
                case CalendarView.Day:
                    return Anchor.ToString("ddd d MMM yyyy", culture);
                case CalendarView.Week:
                    var last = End.AddDays(-1);
                    var first = Start.ToString(Start.Year == last.Year ? "d MMM" : "d MMM yyyy", culture);
                    return $"{first} – {last.ToString("d MMM yyyy", culture)}";
                default:
                    return Anchor.ToString("MMMM yyyy", culture);
            }
        }
    }

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
