using System.Globalization;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>
/// Dates in the account list. The server does not know the browser's time zone, so exact times say UTC and the
/// "last seen" column reads relative to now, which needs no zone.
/// </summary>
internal static class AccountFormat
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null) return "Never";
        var elapsed = now - at.Value;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "Just now",
            { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h ago",
            { TotalDays: < 30 } => $"{(int)elapsed.TotalDays} d ago",
            _ => Date(at.Value),
        };
    }
}
