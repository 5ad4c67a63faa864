using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>
/// The "last seen" column of the account list: relative to now while recent (no zone needed), then the date in the
/// reader's zone. Exact times come from the reader's clock (<see cref="ReaderClock"/>).
/// </summary>
internal static class AccountFormat
{
    public static string Ago(DateTimeOffset? at, ReaderClock time)
    {
        if (at is null) return "Never";
        var elapsed = time.Now - at.Value;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "Just now",
            { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h ago",
            { TotalDays: < 30 } => $"{(int)elapsed.TotalDays} d ago",
            _ => time.ShortDate(at.Value),
        };
    }
}
