using System.Globalization;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>How the chat writes times and sizes, in the browser's time zone (<see cref="BrowserTime"/>).</summary>
internal static class ChatFormat
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Clock(DateTime local) => local.ToString("HH:mm", English);

    /// <summary>The line between days in a conversation.</summary>
    public static string Day(DateOnly day, DateOnly today) =>
        day == today ? "Today"
        : day == today.AddDays(-1) ? "Yesterday"
        : day.Year == today.Year ? day.ToString("dddd, d MMMM", English)
        : day.ToString("d MMMM yyyy", English);

    /// <summary>The time beside a chat in the list: the hour today, the weekday this week, else the date.</summary>
    public static string ListTime(DateTime local, DateTime now) =>
        local.Date == now.Date ? Clock(local)
        : local.Date > now.Date.AddDays(-7) ? local.ToString("ddd", English)
        : local.Year == now.Year ? local.ToString("d MMM", English)
        : local.ToString("d MMM yyyy", English);

    public static string LastSeen(DateTime? local, DateTime now)
    {
        if (local is not { } at) return "offline";
        if (now - at < TimeSpan.FromMinutes(1)) return "last seen just now";
        if (at.Date == now.Date) return $"last seen today at {Clock(at)}";
        if (at.Date == now.Date.AddDays(-1)) return $"last seen yesterday at {Clock(at)}";
        return $"last seen {ListTime(at, now)}";
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(English, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(English, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(English, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };

    public static string Megabytes(long bytes) => string.Create(English, $"{bytes / (1024.0 * 1024):0.#} MB");
}
