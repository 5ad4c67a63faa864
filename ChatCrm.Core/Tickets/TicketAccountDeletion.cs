using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Tickets;

/// <summary>
/// A deleted agent's tickets go to the deleting admin, so none is left unworked. A deleted client's tickets keep their
/// requester id and show "Deleted user"; comments keep their author the same way.
/// </summary>
internal sealed class TicketAccountDeletion(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // The version moves too: a side panel opened before the handover must reload, not put the old assignee back.
        await db.Tickets.Where(t => t.AssigneeId == deletedUserId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.AssigneeId, deletingAdminId)
            .SetProperty(t => t.Version, t => t.Version + 1)
            .SetProperty(t => t.UpdatedAt, now), cancellationToken);
    }
}
