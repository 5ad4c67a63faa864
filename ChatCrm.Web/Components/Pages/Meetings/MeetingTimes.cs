using System.Globalization;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>A meeting as the scheduler draws it: wall-clock times of the reader's zone.</summary>
public sealed record CalendarItem(Guid Id, string Title, DateTime Start, DateTime End, string? Location, string Participants);

/// <summary>
/// Meetings are stored in UTC and shown in the reader's zone (<see cref="ReaderClock"/>); the date pickers and the
/// scheduler work in plain wall-clock <see cref="DateTime"/>s of that zone, converted by the clock both ways.
/// </summary>
internal static class MeetingTimes
{
    /// <summary>How the form's date pickers show a time: the short form, e.g. "23 Nov 2026, 14:00".</summary>
    public const string InputFormat = ReaderTime.ShortPattern;

    private static readonly string[] TypedFormats = [InputFormat, "d MMM yyyy HH:mm", "ddd d MMM yyyy HH:mm", "ddd d MMM yyyy, HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];

    /// <summary>A typed time: the shown format (comma and weekday optional) or ISO; anything else is no value.</summary>
    public static DateTime? ParseInput(string? text) =>
        DateTime.TryParseExact(text?.Trim(), TypedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at) ? at : null;

    public static CalendarItem ToCalendarItem(this ReaderClock time, MeetingRow row) =>
        new(row.Id, row.Title, time.Local(row.StartAt), time.Local(row.EndAt), row.Location, row.Participants);

    /// <summary>A wall-clock slot of the calendar: "Thursday 3 December 2026" and "14:00".</summary>
    public static (string Day, string Time) Slot(DateTime local) =>
        (ReaderTime.LongDate(DateOnly.FromDateTime(local)), ReaderTime.TimeOfDay(TimeOnly.FromDateTime(local)));
}
