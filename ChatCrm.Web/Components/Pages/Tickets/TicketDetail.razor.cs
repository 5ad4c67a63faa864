using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Pages.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>
/// One ticket: its thread and a reply box for everyone who may see it; for staff a side panel that saves status,
/// priority and assignee against the version loaded (a stale save offers a reload); for the requester buttons to
/// resolve or reopen. <see cref="TicketService"/> enforces every rule again.
/// </summary>
public sealed partial class TicketDetail
{
    private static readonly IReadOnlyList<Choice<TicketStatus>> StatusChoices =
        TicketFormat.Statuses.Select(s => new Choice<TicketStatus>(s, TicketText.Status(s))).ToList();

    [Parameter] public Guid Id { get; set; }

    [Inject] private TicketService Tickets { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private TicketDetails? _ticket;
    private IReadOnlyList<TicketCommentView> _comments = [];
    private IReadOnlyList<TicketAssignee> _assignees = [];
    private SidePanel _edit = new();
    private ReplyForm _reply = new();
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
        if (_isStaff && _ticket is not null && _assignees.Count == 0)
        {
            try
            {
                _assignees = await Tickets.AssigneesAsync(actor);
            }
            catch (Exception ex)
            {
                ActionLog.ActionFailed(Logger, ex, "load assignees");
                Show(AlertStyle.Warning, "The list of agents could not be loaded; reload the page to assign the ticket.");
            }
        }
    }

    /// <summary>Reads the ticket and its thread afresh; the side panel starts over from what is stored.</summary>
    private async Task LoadAsync()
    {
        try
        {
            var actor = await GetActorAsync();
            _ticket = await Tickets.GetAsync(actor, Id);
            _comments = _ticket is null ? [] : await Tickets.CommentsAsync(actor, Id) ?? [];
            _notFound = _ticket is null;
            if (_ticket is not null) _edit = SidePanel.From(_ticket);
            _now = Time.Now;
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load ticket");
            Show(AlertStyle.Danger, "The ticket could not be loaded. Please try again.");
        }
    }

    private async Task ReloadAsync()
    {
        Message = null;
        await LoadAsync();
    }

    private async Task ReplyAsync(ReplyForm form)
    {
        if (await RunAsync("reply to ticket", a => Tickets.CommentAsync(a, Id, form.Body), "Your reply is sent."))
        {
            _reply = new ReplyForm();
            await LoadAsync();
        }
    }

    private async Task SaveAsync()
    {
        if (_ticket is null) return;
        var edit = _edit;
        var version = _ticket.Version;
        if (await RunAsync("update ticket", a => Tickets.UpdateAsync(a, Id, new TicketUpdate(edit.Status, edit.Priority, edit.AssigneeId), version),
                "Changes saved.", reload: LoadAsync))
        {
            await LoadAsync();
        }
    }

    private async Task SetOwnStatusAsync(TicketStatus status)
    {
        if (_ticket is not { } ticket) return;
        var text = status == TicketStatus.Open ? "The ticket is open again." : "Thanks! The ticket is marked resolved.";
        if (await RunAsync("set own ticket status", a => Tickets.UpdateAsync(a, Id, new TicketUpdate(status, ticket.Priority, ticket.AssigneeId), ticket.Version),
                text, reload: LoadAsync))
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        if (_ticket is not { } ticket) return;
        if (await RunAsync("delete ticket", a => Tickets.DeleteAsync(a, Id), successText: null,
                confirm: async () => await Dialogs.Confirm(
                    $"Delete ticket #{ticket.Number} \"{ticket.Subject}\" and its whole conversation? The requester can no longer see it. This cannot be undone.",
                    "Delete ticket",
                    new ConfirmOptions { OkButtonText = "Delete ticket", CancelButtonText = "Cancel", Width = "min(32rem, 95vw)", CloseDialogOnEsc = true }) == true))
        {
            Navigation.NavigateTo("tickets");
        }
    }

    private sealed class ReplyForm
    {
        public string Body { get; set; } = "";
    }

    private sealed class SidePanel
    {
        public TicketStatus Status { get; set; }

        public TicketPriority Priority { get; set; }

        public Guid? AssigneeId { get; set; }

        public static SidePanel From(TicketDetails t) => new() { Status = t.Status, Priority = t.Priority, AssigneeId = t.AssigneeId };

        public bool DiffersFrom(TicketDetails t) => Status != t.Status || Priority != t.Priority || AssigneeId != t.AssigneeId;
    }
}
