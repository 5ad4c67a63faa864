using System.Globalization;

namespace ChatCrm.Web.Components.Shared;

/// <summary>Short times for lists (chats, the dashboard), already in the browser's zone (<see cref="BrowserTime"/>).</summary>
internal static class TimeText
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Clock(DateTime local) => local.ToString("HH:mm", English);

    /// <summary>The time beside an item in a list: the hour today, the weekday this week, else the date.</summary>
    public static string ListTime(DateTime local, DateTime now) =>
        local.Date == now.Date ? Clock(local)
        : local.Date > now.Date.AddDays(-7) ? local.ToString("ddd", English)
        : local.Year == now.Year ? local.ToString("d MMM", English)
        : local.ToString("d MMM yyyy", English);
}
