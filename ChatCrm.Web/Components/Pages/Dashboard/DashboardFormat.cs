using System.Globalization;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>Words and colours the dashboard uses for statuses, priorities and times.</summary>
internal static class DashboardFormat
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

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

    /// <summary>The same colours as the lead list's status labels (lead-status in app.css).</summary>
    public static string Colour(LeadStatus status) => status switch
    {
        LeadStatus.New => "var(--mud-palette-info)",
        LeadStatus.Contacted => "var(--mud-palette-primary)",
        LeadStatus.Qualified => "var(--mud-palette-warning)",
        LeadStatus.Won => "var(--mud-palette-success)",
        _ => "var(--mud-palette-text-secondary)",
    };

    /// <summary>The class of a ticket status label (dashboard-badge in DashboardPage.razor.css).</summary>
    public static string Badge(TicketStatus status) => "dashboard-badge dashboard-badge-" + status switch
    {
        TicketStatus.Open => "info",
        TicketStatus.InProgress => "primary",
        TicketStatus.Waiting => "warning",
        TicketStatus.Resolved => "success",
        _ => "neutral",
    };

    /// <summary>"Today 14:00", "Tomorrow 09:30", "Thu 12 Dec 10:00".</summary>
    public static string When(DateTime local, DateTime now)
    {
        var clock = local.ToString("HH:mm", English);
        if (local.Date == now.Date) return $"Today {clock}";
        if (local.Date == now.Date.AddDays(1)) return $"Tomorrow {clock}";
        return local.Year == now.Year ? local.ToString("ddd d MMM HH:mm", English) : local.ToString("d MMM yyyy HH:mm", English);
    }

    public static string Day(DateOnly day) => day.ToString("d MMM", English);
}
