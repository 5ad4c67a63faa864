using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>
/// How ticket fields look. Times are the reader's clock's (<see cref="Shared.ReaderClock"/>); "due in" reads relative
/// to now, which needs no zone.
/// </summary>
internal static class TicketFormat
{
    public static readonly TicketStatus[] Statuses = Enum.GetValues<TicketStatus>();

    public static readonly TicketPriority[] Priorities = [TicketPriority.Urgent, TicketPriority.High, TicketPriority.Medium, TicketPriority.Low];

    /// <summary>"in 3 h", "2 d ago": how far the due time is from now.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = at - now;
        var abs = span.Duration();
        var amount = abs switch
        {
            { TotalMinutes: < 60 } => $"{Math.Max(1, (int)abs.TotalMinutes)} min",
            { TotalHours: < 48 } => $"{(int)abs.TotalHours} h",
            _ => $"{(int)abs.TotalDays} d",
        };
        return span >= TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    /// <summary>The badge's colour class (TicketBadges.razor.css): the more urgent, the louder.</summary>
    public static string PriorityClass(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => "app-badge-error",
        TicketPriority.High => "app-badge-warning",
        TicketPriority.Medium => "app-badge-info",
        _ => "app-badge-neutral",
    };

    /// <summary>The badge's colour class; a closed ticket is neutral grey, which reads on both themes.</summary>
    public static string StatusClass(TicketStatus status) => status switch
    {
        TicketStatus.Open => "app-badge-primary",
        TicketStatus.InProgress => "app-badge-info",
        TicketStatus.Waiting => "app-badge-warning",
        TicketStatus.Resolved => "app-badge-success",
        _ => "app-badge-neutral",
    };
}
