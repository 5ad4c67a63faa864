using System.Globalization;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Pages.Chat;
using Microsoft.JSInterop;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>A meeting as the calendar draws it: local wall-clock times of the browser's zone.</summary>
public sealed record CalendarItem(Guid Id, string Title, DateTime Start, DateTime End, string? Location, string Participants);

/// <summary>
/// Meetings are stored in UTC and shown in the browser's zone (the chat's <see cref="BrowserTime"/>, asked once per tab);
/// the date pickers and the calendar work in plain local <see cref="DateTime"/>s, converted here in both directions.
/// </summary>
internal static class MeetingTimes
{
    /// <summary>How the form's date pickers show a day, e.g. "Mon 23 Nov 2026" (the time picker adds "14:00").</summary>
    public const string DateInputFormat = "ddd d MMM yyyy";

    public const string TimeInputFormat = "HH:mm";

    /// <summary>A wall-clock time of the calendar, e.g. "14:00".</summary>
    public static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A calendar day, e.g. "Thu 3 Dec".</summary>
    public static string Day(DateTime local) => local.ToString("ddd d MMM", CultureInfo.InvariantCulture);

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

    public static DateTime Local(this BrowserTime time, DateTimeOffset at) => time.Local(at);

    public static DateTimeOffset ToUtc(this BrowserTime time, DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        try
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, time.Zone), TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            // A wall-clock time skipped by a daylight-saving change: read it with the zone's standard offset.
            return new DateTimeOffset(unspecified, time.Zone.BaseUtcOffset).ToUniversalTime();
        }
    }

    /// <summary>The zone the page states next to times, so nobody has to guess.</summary>
    public static string ZoneLabel(this BrowserTime time) => time.Zone == TimeZoneInfo.Utc ? "UTC" : time.Zone.Id;

    public static string Range(this BrowserTime time, DateTimeOffset start, DateTimeOffset end)
    {
        var culture = CultureInfo.InvariantCulture;
        var from = time.Local(start);
        var to = time.Local(end);
        var day = from.ToString("ddd d MMM yyyy, HH:mm", culture);
        return to.Date == from.Date ? $"{day}–{to.ToString("HH:mm", culture)}" : $"{day} – {to.ToString("ddd d MMM, HH:mm", culture)}";
    }

    public static CalendarItem ToCalendarItem(this BrowserTime time, MeetingRow row) =>
        new(row.Id, row.Title, time.Local(row.StartAt), time.Local(row.EndAt), row.Location, row.Participants);

    /// <summary>Learns the browser's zone once per tab (the chat page may have done it already).</summary>
    public static async Task EnsureKnownAsync(this BrowserTime time, IJSRuntime js, string chatScript, ILogger logger)
    {
        if (time.Known) return;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./" + chatScript);
            var zone = await module.InvokeAsync<BrowserZone>("timeZone");
            time.Set(zone.Id, zone.Offset);
        }
        catch (JSException ex)
        {
            // Times then read in UTC, and the page says so.
            MeetingLog.ZoneUnknown(logger, ex);
        }
    }

    private sealed record BrowserZone(string? Id, int Offset);
}

internal static partial class MeetingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the browser's time zone; meetings show in UTC")]
    public static partial void ZoneUnknown(ILogger logger, Exception exception);
}
