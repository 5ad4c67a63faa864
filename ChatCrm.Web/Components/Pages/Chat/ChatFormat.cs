using System.Globalization;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>How the chat writes days, presence and sizes; times are in the browser's zone (<see cref="BrowserTime"/>).</summary>
internal static class ChatFormat
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The line between days in a conversation.</summary>
    public static string Day(DateOnly day, DateOnly today) =>
        day == today ? "Today"
        : day == today.AddDays(-1) ? "Yesterday"
        : day.Year == today.Year ? day.ToString("dddd, d MMMM", English)
        : day.ToString("d MMMM yyyy", English);

    public static string LastSeen(DateTime? local, DateTime now)
    {
        if (local is not { } at) return "offline";
        if (now - at < TimeSpan.FromMinutes(1)) return "last seen just now";
        if (at.Date == now.Date) return $"last seen today at {TimeText.Clock(at)}";
        if (at.Date == now.Date.AddDays(-1)) return $"last seen yesterday at {TimeText.Clock(at)}";
        return $"last seen {TimeText.ListTime(at, now)}";
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(English, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(English, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(English, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };
}
