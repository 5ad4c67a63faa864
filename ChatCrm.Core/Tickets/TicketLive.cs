using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Tickets;

/// <summary>
/// Tells the open pages of everyone who sees a ticket that it changed, after the change is saved: its requester and
/// every staff member (staff see the whole queue and its numbers on the dashboard). Through the chat's hub, so other
/// servers' pages hear it too.
/// </summary>
public sealed class TicketLive(ChatEvents events)
{
    public async Task ChangedAsync(ChatCrmDbContext db, Guid ticketId, Guid requesterId, CancellationToken cancellationToken)
    {
        var staff = await PeopleByRole.Staff(db).Select(u => u.Id).ToListAsync(cancellationToken);
        await events.PublishAsync([requesterId, .. staff], new TicketChanged(ticketId));
    }
}
