using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChatCrm.Core.Common;

/// <summary>What a wall-clock time typed into a picker is in the reader's zone.</summary>
public enum LocalTimeKind
{
    /// <summary>The time happens exactly once.</summary>
    Normal = 1,

    /// <summary>The clocks jumped over it (spring forward): it is read as one gap later, e.g. 01:30 → 02:30.</summary>
    Skipped = 2,

    /// <summary>The clocks went back over it (fall back): it happens twice, and the first of the two is meant.</summary>
    Repeated = 3,
}

/// <summary>
/// The one way ChatCrm writes a time for a person, on every screen and in every mail: in the reader's time zone, with
/// one format per length, and English month and day names whatever the server's culture. Storage stays UTC; this
/// turns stored instants into the reader's words, and the reader's wall-clock input (pickers) back into instants.
/// <list type="bullet">
/// <item>Short: <c>3 Dec 2026, 14:05</c></item>
/// <item>Long: <c>Thursday 3 December 2026, 14:05 (Europe/Lisbon)</c>; the long form always names its zone.</item>
/// <item>Short date: <c>3 Dec 2026</c>; long date: <c>Thursday 3 December 2026</c>; time: <c>14:05</c>.</item>
/// </list>
/// </summary>
public sealed class ReaderTime
{
    /// <summary>Also the pickers' display format, so what is typed reads like what is shown.</summary>
    public const string ShortPattern = "d MMM yyyy, HH:mm";

    public const string ShortDatePattern = "d MMM yyyy";

    /// <summary>A chart's day ticks: the year would crowd the axis, and the chart's summary names the period.</summary>
    public const string AxisDayPattern = "d MMM";

    public const string LongDatePattern = "dddd d MMMM yyyy";

    public const string TimePattern = "HH:mm";

    private const string LongPattern = LongDatePattern + ", " + TimePattern;

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>For a reader whose zone is not known (no account, or none chosen yet): times say UTC.</summary>
    public static ReaderTime Utc { get; } = new(TimeZoneInfo.Utc);

    public ReaderTime(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The zone of an account (an IANA id, as stored); UTC when it has none or it is not one this server knows.</summary>
    public static ReaderTime For(string? zoneId) => TimeZoneIds.TryFind(zoneId, out var zone) ? new ReaderTime(zone) : Utc;

    public TimeZoneInfo Zone { get; }

    /// <summary>How the zone is named next to times: its IANA id ("Europe/Lisbon"), or "UTC".</summary>
    public string ZoneName => Zone.Id;

    /// <summary>The reader's wall-clock time at that instant (what the pickers and the calendar work in).</summary>
    /// <summary>How far this zone is from UTC at that moment (summer time included).</summary>
    public TimeSpan Offset(DateTimeOffset at) => Zone.GetUtcOffset(at);

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>The reader's calendar day at that instant.</summary>
    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at));

    /// <summary><c>3 Dec 2026, 14:05</c>.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Short and Long name the lengths of the one time format, not integer types.")]
    public string Short(DateTimeOffset at) => Local(at).ToString(ShortPattern, English);

    /// <summary><c>Thursday 3 December 2026, 14:05 (Europe/Lisbon)</c>.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Short and Long name the lengths of the one time format, not integer types.")]
    public string Long(DateTimeOffset at) => $"{Local(at).ToString(LongPattern, English)} ({ZoneName})";

    /// <summary><c>3 Dec 2026</c>.</summary>
    public string ShortDate(DateTimeOffset at) => ShortDate(Day(at));

    /// <summary><c>Thursday 3 December 2026</c>.</summary>
    public string LongDate(DateTimeOffset at) => LongDate(Day(at));

    /// <summary><c>14:05</c>.</summary>
    public string TimeOfDay(DateTimeOffset at) => Local(at).ToString(TimePattern, English);

    /// <summary>A day that already is the reader's (a filter, a chart): <c>3 Dec 2026</c>.</summary>
    public static string ShortDate(DateOnly day) => day.ToString(ShortDatePattern, English);

    /// <summary>A chart's tick for a day that already is the reader's: <c>3 Dec</c>.</summary>
    public static string AxisDay(DateOnly day) => day.ToString(AxisDayPattern, English);

    /// <summary>A day that already is the reader's: <c>Thursday 3 December 2026</c>.</summary>
    public static string LongDate(DateOnly day) => day.ToString(LongDatePattern, English);

    /// <summary>A wall-clock time that already is the reader's (a calendar slot): <c>14:05</c>.</summary>
    public static string TimeOfDay(TimeOnly time) => time.ToString(TimePattern, English);

    /// <summary><c>3 Dec 2026, 14:00–15:30</c>; across midnight <c>3 Dec 2026, 23:00 – 4 Dec 2026, 01:00</c>.</summary>
    public string ShortRange(DateTimeOffset start, DateTimeOffset end) => Range(start, end, ShortPattern);

    /// <summary><c>Thursday 3 December 2026, 14:00–15:30 (Europe/Lisbon)</c>, across midnight with both long dates.</summary>
    public string LongRange(DateTimeOffset start, DateTimeOffset end) => $"{Range(start, end, LongPattern)} ({ZoneName})";

    /// <summary>
    /// Chat lists and "updated" columns, where the width is small: <c>14:05</c> today, <c>Yesterday</c>, else the
    /// short date.
    /// </summary>
    public string Recent(DateTimeOffset at, DateTimeOffset now)
    {
        var (day, today) = (Day(at), Day(now));
        if (day == today) return TimeOfDay(at);
        return day == today.AddDays(-1) ? "Yesterday" : ShortDate(day);
    }

    /// <summary>Agendas: <c>Today, 14:05</c>, <c>Tomorrow, 09:30</c>, <c>Yesterday, 18:00</c>, else the short form.</summary>
    public string NearShort(DateTimeOffset at, DateTimeOffset now) =>
        RelativeDay(Day(at), Day(now)) is { } name ? $"{name}, {TimeOfDay(at)}" : Short(at);

    /// <summary>When something last happened, for a sentence: <c>just now</c>, <c>today at 14:05</c>, <c>yesterday at 14:05</c>, <c>on 3 Dec 2026</c>.</summary>
    public string SeenAt(DateTimeOffset at, DateTimeOffset now)
    {
        if (now - at < TimeSpan.FromMinutes(1) && at <= now + TimeSpan.FromMinutes(1)) return "just now";
        var (day, today) = (Day(at), Day(now));
        if (day == today) return $"today at {TimeOfDay(at)}";
        return day == today.AddDays(-1) ? $"yesterday at {TimeOfDay(at)}" : $"on {ShortDate(day)}";
    }

    /// <summary>A conversation's day separator: <c>Today</c>, <c>Yesterday</c>, else the long date.</summary>
    public static string DayHeading(DateOnly day, DateOnly today) =>
        day == today ? "Today" : day == today.AddDays(-1) ? "Yesterday" : LongDate(day);

    /// <summary>A calendar leaf for a list of dates: the day of the month and the short month name (<c>3</c>, <c>Dec</c>).</summary>
    public (string Day, string Month) Leaf(DateTimeOffset at)
    {
        var local = Local(at);
        return (local.Day.ToString(English), local.ToString("MMM", English));
    }

    /// <inheritdoc cref="ToUtc(DateTime, out LocalTimeKind)"/>
    public DateTimeOffset ToUtc(DateTime local) => ToUtc(local, out _);

    /// <summary>
    /// The instant a wall-clock time of the reader's zone means (the <see cref="DateTime.Kind"/> is ignored). Across a
    /// daylight-saving change it decides as calendars do (RFC 5545, and JavaScript Temporal's "compatible"): a time the
    /// clocks skipped is read with the offset from before the jump, so it lands as far past the jump as it was typed
    /// past its start (01:30 in a 01:00→02:00 gap is 02:30); a time that happens twice is the first of the two (the
    /// one still on summer time). Nothing is refused: a person who picks 02:30 on the night the clocks go forward
    /// means "half an hour after it got late", not an error.
    /// </summary>
    public DateTimeOffset ToUtc(DateTime local, out LocalTimeKind kind)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(wall))
        {
            kind = LocalTimeKind.Skipped;
            // The offset a day before: no zone changes its clocks twice within a day.
            offset = Zone.GetUtcOffset(new DateTimeOffset(wall, TimeSpan.Zero).AddDays(-1));
        }
        else if (Zone.IsAmbiguousTime(wall))
        {
            kind = LocalTimeKind.Repeated;
            // The larger offset is the earlier instant.
            offset = Zone.GetAmbiguousTimeOffsets(wall).Max();
        }
        else
        {
            kind = LocalTimeKind.Normal;
            offset = Zone.GetUtcOffset(wall);
        }
        return new DateTimeOffset(wall - offset, TimeSpan.Zero);
    }

    /// <summary>The first instant of the reader's day (midnight, or the first moment after a jump over midnight).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    private string Range(DateTimeOffset start, DateTimeOffset end, string pattern)
    {
        var (from, to) = (Local(start), Local(end));
        return from.Date == to.Date
            ? $"{from.ToString(pattern, English)}–{to.ToString(TimePattern, English)}"
            : $"{from.ToString(pattern, English)} – {to.ToString(pattern, English)}";
    }

    private static string? RelativeDay(DateOnly day, DateOnly today) =>
        day == today ? "Today"
        : day == today.AddDays(1) ? "Tomorrow"
        : day == today.AddDays(-1) ? "Yesterday"
        : null;
}
