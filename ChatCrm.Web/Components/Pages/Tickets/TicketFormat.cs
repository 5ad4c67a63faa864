using ChatCrm.Core.Tickets;
using Radzen;

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

    public static BadgeStyle PriorityStyle(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => BadgeStyle.Danger,
        TicketPriority.High => BadgeStyle.Warning,
        TicketPriority.Medium => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle StatusStyle(TicketStatus status) => status switch
    {
        TicketStatus.Open => BadgeStyle.Primary,
        TicketStatus.InProgress => BadgeStyle.Info,
        TicketStatus.Waiting => BadgeStyle.Warning,
        TicketStatus.Resolved => BadgeStyle.Success,
        _ => BadgeStyle.Dark,
    };
}

/// <summary>A choice in a dropdown: the value and the words shown for it.</summary>
internal sealed record Choice<T>(T Value, string Text);
