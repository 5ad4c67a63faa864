using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>Words and colours the dashboard uses for statuses and priorities (times: the reader's clock).</summary>
internal static class DashboardFormat
{
    public static string Status(TicketStatus status) => status == TicketStatus.InProgress ? "In progress" : status.ToString();

    public static string Status(LeadStatus status) => status.ToString();

    /// <summary>Theme colours, so the charts follow the light and dark theme.</summary>
    public static string Colour(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => "var(--rz-danger)",
        TicketPriority.High => "var(--rz-warning)",
        TicketPriority.Medium => "var(--rz-info)",
        _ => "var(--rz-base-500)",
    };

    public static string Colour(LeadStatus status) => status switch
    {
        LeadStatus.Won => "var(--rz-success)",
        LeadStatus.Lost => "var(--rz-base-400)",
        _ => "var(--rz-primary)",
    };

    public static Radzen.BadgeStyle Badge(TicketStatus status) => status switch
    {
        TicketStatus.Open => Radzen.BadgeStyle.Info,
        TicketStatus.InProgress => Radzen.BadgeStyle.Primary,
        TicketStatus.Waiting => Radzen.BadgeStyle.Warning,
        TicketStatus.Resolved => Radzen.BadgeStyle.Success,
        _ => Radzen.BadgeStyle.Base,
    };
}
