using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>Words and colours the dashboard uses for statuses and priorities (times: the reader's clock).</summary>
internal static class DashboardFormat
{
    public static string Status(TicketStatus status) => status == TicketStatus.InProgress ? "In progress" : status.ToString();

    public static string Status(LeadStatus status) => status.ToString();

    /// <summary>
    /// Theme colours (CSS variables, which SVG fills accept), so the charts follow the light and dark theme. A neutral
    /// bar or slice is the theme's secondary text colour: grey on white, light grey on the dark surface.
    /// </summary>
    public static string Colour(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => "var(--mud-palette-error)",
        TicketPriority.High => "var(--mud-palette-warning)",
        TicketPriority.Medium => "var(--mud-palette-info)",
        _ => "var(--mud-palette-text-secondary)",
    };

    /// <summary>The same colours as the lead list's status labels (LeadFormat.StatusClass).</summary>
    public static string Colour(LeadStatus status) => status switch
    {
        LeadStatus.New => "var(--mud-palette-info)",
        LeadStatus.Contacted => "var(--mud-palette-primary)",
        LeadStatus.Qualified => "var(--mud-palette-warning)",
        LeadStatus.Won => "var(--mud-palette-success)",
        _ => "var(--mud-palette-text-secondary)",
    };

    /// <summary>The class of a ticket status label: the ticket list's own (app-badge in app.css).</summary>
    public static string Badge(TicketStatus status) => "app-badge " + Tickets.TicketFormat.StatusClass(status);
}
