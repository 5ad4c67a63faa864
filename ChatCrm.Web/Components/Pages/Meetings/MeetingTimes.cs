using System.Globalization;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.JSInterop;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>A meeting as the scheduler draws it: local wall-clock times of the browser's zone.</summary>
public sealed record CalendarItem(Guid Id, string Title, DateTime Start, DateTime End, string? Location, string Participants);

/// <summary>
/// Meetings are stored in UTC and shown in the browser's zone (the chat's <see cref="BrowserTime"/>, asked once per tab);
/// the date pickers and the scheduler work in plain local <see cref="DateTime"/>s, converted here in both directions.
/// </summary>
internal static class MeetingTimes
{
    /// <summary>How the form's date pickers show a time, e.g. "Mon 23 Nov 2026 14:00".</summary>
    public const string InputFormat = "ddd d MMM yyyy HH:mm";

    private static readonly string[] TypedFormats = [InputFormat, "d MMM yyyy HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];

    /// <summary>A typed time: the shown format (the weekday optional) or ISO; anything else is no value.</summary>
    public static DateTime? ParseInput(string? text) =>
        DateTime.TryParseExact(text?.Trim(), TypedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at) ? at : null;

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
