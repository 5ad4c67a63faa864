using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// When an admin deletes an account, its place in each chat stays, as its messages do (shown as "Deleted user"): it
/// counts as having left when the account went, so groups lose a member (an owner hands the group on) and the other
/// person in a one-to-one chat can still read it, with their earlier messages still marked read, but not write to it.
/// The open pages of the people left are told at once.
/// </summary>
internal sealed class ChatAccountDeletion(IDbContextFactory<ChatCrmDbContext> dbFactory, ChatEvents events, TimeProvider clock) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var places = await (
            from p in db.Participants
            where p.UserId == deletedUserId && p.LeftAt == null
            join c in db.Conversations on p.ConversationId equals c.Id
            select new { c.Id, c.LastSeq, p.IsOwner }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var place in places)
        {
            // Their read mark is left as it was: unlike leaving, going does not read anything.
            await db.Participants.Where(p => p.ConversationId == place.Id && p.UserId == deletedUserId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.LeftAt, now).SetProperty(p => p.VisibleUpToSeq, place.LastSeq)
                    .SetProperty(p => p.IsOwner, false), cancellationToken);
            if (place.IsOwner) await ConversationService.HandOnOwnershipAsync(db, place.Id, cancellationToken);
        }
        foreach (var place in places)
        {
            var members = await db.Participants.Where(p => p.ConversationId == place.Id && p.LeftAt == null).Select(p => p.UserId).ToListAsync(cancellationToken);
            await events.PublishAsync(members, new ConversationChanged(place.Id));
        }
    }
}
