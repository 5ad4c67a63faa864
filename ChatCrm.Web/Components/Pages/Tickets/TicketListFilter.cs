using ChatCrm.Core.Tickets;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>What the ticket list's filter bar holds, as the person set it; <see cref="ToFilter"/> is what the query gets.</summary>
public sealed class TicketListFilter
{
    // The assignee choice's fixed values; a person's choice is their id.
    public const string Anyone = "anyone";
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";

    public string? Search { get; set; }

    public IReadOnlyCollection<TicketStatus> Statuses { get; set; } = [];

    public TicketPriority? Priority { get; set; }

    public string Assignee { get; set; } = Anyone;

    public bool OverdueOnly { get; set; }

    /// <summary>How many filters (not the search) narrow the list, for the phone's "Filters" button.</summary>
    public int ActiveCount =>
        (Statuses.Count > 0 ? 1 : 0) + (Priority is null ? 0 : 1) + (Assignee == Anyone ? 0 : 1) + (OverdueOnly ? 1 : 0);

    /// <summary>Starting filters from the address, so the dashboard's numbers open the list they count.</summary>
    public static TicketListFilter FromQuery(bool? overdue, string? priority, string? status)
    {
        var filter = new TicketListFilter { OverdueOnly = overdue == true };
        if (Enum.TryParse<TicketPriority>(priority, ignoreCase: true, out var p) && Enum.IsDefined(p)) filter.Priority = p;
        if (Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)) filter.Statuses = [s];
        return filter;
    }

    public TicketFilter ToFilter()
    {
        var (assignee, person) = Assignee switch
        {
            Mine => (TicketAssigneeFilter.Mine, (Guid?)null),
            Unassigned => (TicketAssigneeFilter.Unassigned, null),
            _ when Guid.TryParse(Assignee, out var id) => (TicketAssigneeFilter.Person, id),
            _ => (TicketAssigneeFilter.Anyone, null),
        };
        return new TicketFilter
        {
            Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
            Statuses = Statuses.ToList(),
            Priority = Priority,
            Assignee = assignee,
            AssigneeId = person,
            OverdueOnly = OverdueOnly,
        };
    }
}
