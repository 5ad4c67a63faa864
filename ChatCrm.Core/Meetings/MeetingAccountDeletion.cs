using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Meetings;

/// <summary>
/// Before an account goes: the meetings it organized pass to the deleting admin (someone must own them), and the
/// person leaves every meeting they were in (the name snapshot would otherwise point at nobody).
/// </summary>
internal sealed class MeetingAccountDeletion(IDbContextFactory<ChatCrmDbContext> dbFactory) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Bump the version too, so a form still open on one of these meetings cannot save over the hand-over.
        await db.Meetings.Where(m => m.OrganizerId == deletedUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrganizerId, deletingAdminId).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        await db.MeetingParticipants.Where(p => p.ParticipantId == deletedUserId && p.Kind == ParticipantKind.User)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
