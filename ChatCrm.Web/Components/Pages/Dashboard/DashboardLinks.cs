using System.Globalization;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>
/// Where each number and row of the dashboard leads: the list it counts, already filtered. Kept in one place so a
/// list page that renames a query key is fixed here once.
/// </summary>
internal static class DashboardLinks
{
    public const string Leads = "/leads";
    public const string Tickets = "/tickets";
    public const string Meetings = "/meetings";
    public const string Campaigns = "/campaigns";
    public const string Chat = "/chat";

    /// <summary>The lead list's own filter builds the address, so the keys always match what the list reads.</summary>
    public static string LeadsWithStatus(LeadStatus status) => LeadList(new LeadFilter { Statuses = [status] });

    /// <summary>Leads created on the reader's days <paramref name="from"/> to <paramref name="to"/> (the filter carries the zone).</summary>
    public static string LeadsCreatedBetween(DateOnly from, DateOnly to, ReaderTime days) =>
        LeadList(new LeadFilter { CreatedFrom = from, CreatedTo = to }.WithDaysOf(days));

    public static string OverdueTickets => "/tickets?overdue=true";

    public static string TicketsWithPriority(TicketPriority priority) => $"/tickets?priority={priority}";

    public static string TicketsWithStatus(TicketStatus status) => $"/tickets?status={status}";

    public static string Ticket(Guid id) => $"/tickets/{id}";

    public static string Campaign(Guid id) => $"/campaigns/{id}";

    public static string Meeting(Guid id) => $"/meetings?meeting={id}";

    public static string Conversation(Guid id) => $"/chat/{id}";

    private static string LeadList(LeadFilter filter) => $"{Leads}?{filter.ToQueryString()}";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
