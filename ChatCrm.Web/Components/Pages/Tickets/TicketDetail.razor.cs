using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>
/// One ticket: its thread and a reply box for everyone who may see it; for staff the work panel (status, priority,
/// assignee, and for admins the delete); for the requester buttons to resolve or reopen. <see cref="TicketService"/>
/// enforces every rule again.
/// </summary>
public sealed partial class TicketDetail
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private TicketService Tickets { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private TicketDetails? _ticket;
    private IReadOnlyList<TicketCommentView> _comments = [];
    private IReadOnlyList<TicketAssignee> _assignees = [];
    private bool _notFound;
    private bool _isStaff;
    private bool _isAdmin;
    private DateTimeOffset _now;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await GetActorAsync();
        _isStaff = actor.IsStaff;
        _isAdmin = actor.IsAdmin;
        await LoadAsync();
        if (!_isStaff || _ticket is null || _assignees.Count > 0) return;
        try
        {
            _assignees = await Tickets.AssigneesAsync(actor);
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load assignees");
            Outcomes.Warned("The list of agents could not be loaded; reload the page to assign the ticket.");
        }
    }

    /// <summary>Reads the ticket and its thread afresh.</summary>
    private async Task LoadAsync()
    {
        try
        {
            var actor = await GetActorAsync();
            var ticket = await Tickets.GetAsync(actor, Id);
            _comments = ticket is null ? [] : await Tickets.CommentsAsync(actor, Id) ?? [];
            _ticket = ticket;
            _notFound = ticket is null;
            _now = Time.Now;
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load ticket");
            Outcomes.Refused("The ticket could not be loaded. Please try again.");
        }
    }

    private async Task SetOwnStatusAsync(TicketStatus status)
    {
        if (_ticket is not { } ticket) return;
        var text = status == TicketStatus.Open ? "The ticket is open again." : "Thanks! The ticket is marked resolved.";
        if (await RunAsync("set own ticket status", a => Tickets.UpdateAsync(a, Id, new TicketUpdate(status, ticket.Priority, ticket.AssigneeId), ticket.Version),
                text, reload: LoadAsync))
            await LoadAsync();
    }

    private Task ShowListAsync()
    {
        Navigation.NavigateTo("tickets");
        return Task.CompletedTask;
    }
}
