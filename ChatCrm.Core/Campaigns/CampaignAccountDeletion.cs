using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>A deleted person's campaigns move to the admin who deleted them, so every campaign keeps an owner.</summary>
internal sealed class CampaignAccountDeletion(IDbContextFactory<ChatCrmDbContext> dbFactory) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Campaigns.Where(c => c.OwnerId == deletedUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, deletingAdminId).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
    }
}
