using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>A meeting as the calendar draws it: wall-clock times of the reader's zone.</summary>
public sealed record CalendarItem(Guid Id, string Title, DateTime Start, DateTime End, string? Location, string Participants);

/// <summary>
/// Meetings are stored in UTC and shown in the reader's zone (<see cref="ReaderClock"/>); the pickers and the calendar
/// work in plain wall-clock <see cref="DateTime"/>s of that zone, converted by the clock both ways. Every date and time
/// the calendar writes comes from <see cref="ReaderTime"/>'s formats.
/// </summary>
internal static class MeetingTimes
{
    /// <summary>How the form's date pickers show a day: the short date, e.g. "23 Nov 2026" (the time picker adds "14:00").</summary>
    public const string DateInputFormat = ReaderTime.ShortDatePattern;

    public const string TimeInputFormat = ReaderTime.TimePattern;

    /// <summary>A wall-clock time of the calendar, e.g. "14:00".</summary>
    public static string Clock(DateTime local) => ReaderTime.TimeOfDay(TimeOnly.FromDateTime(local));

    /// <summary>A calendar day, e.g. "Thursday 3 December 2026".</summary>
    public static string Day(DateTime local) => ReaderTime.LongDate(DateOnly.FromDateTime(local));

    /// <summary>What a slot of the day and week views is called (screen readers and browser tests find it by it).</summary>
    public static string SlotLabel(DateTime start) => $"Schedule a meeting on {Day(start)} at {Clock(start)}";

    /// <summary>What a whole day is called where a day offers to schedule (month cells, the week's agenda).</summary>
    public static string DayLabel(DateTime day) => $"Schedule a meeting on {Day(day)}";

    /// <summary>"Kick-off, 18:00–18:30": a meeting's name on the calendar.</summary>
    public static string Label(CalendarItem item) => $"{item.Title}, {Clock(item.Start)}–{Clock(item.End)}";

    /// <summary>A meeting's hover text: time, title, place and people.</summary>
    public static string Tooltip(CalendarItem item)
    {
        var where = item.Location is null ? "" : $" · {item.Location}";
        return $"{Clock(item.Start)}–{Clock(item.End)} {item.Title}{where}\n{item.Participants}";
    }

    public static CalendarItem ToCalendarItem(this ReaderClock time, MeetingRow row) =>
        new(row.Id, row.Title, time.Local(row.StartAt), time.Local(row.EndAt), row.Location, row.Participants);
}
