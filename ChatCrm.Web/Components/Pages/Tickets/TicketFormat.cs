using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Shared;

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

    /// <summary>The more urgent, the louder.</summary>
    public static Tone PriorityTone(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => Tone.Error,
        TicketPriority.High => Tone.Warning,
        TicketPriority.Medium => Tone.Info,
        _ => Tone.Neutral,
    };

    /// <summary>A closed ticket is neutral grey, which reads on both themes.</summary>
    public static Tone StatusTone(TicketStatus status) => status switch
    {
        TicketStatus.Open => Tone.Primary,
        TicketStatus.InProgress => Tone.Info,
        TicketStatus.Waiting => Tone.Warning,
        TicketStatus.Resolved => Tone.Success,
        _ => Tone.Neutral,
    };
}
