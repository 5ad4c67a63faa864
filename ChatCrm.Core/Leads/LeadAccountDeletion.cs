using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Leads;

/// <summary>When an admin deletes an account, the leads that person owned become the admin's, with a timeline line each.</summary>
internal sealed class LeadAccountDeletion(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Users.Where(u => u.Id == deletedUserId || u.Id == deletingAdminId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owned = await db.Leads.Where(l => l.OwnerId == deletedUserId).Select(l => l.Id).ToListAsync(cancellationToken);
        if (owned.Count == 0) return;
        var now = clock.GetUtcNow();
        await db.Leads.Where(l => l.OwnerId == deletedUserId).ExecuteUpdateAsync(set => set
            .SetProperty(l => l.OwnerId, deletingAdminId).SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
        var admin = new Actor(deletingAdminId, Roles.Admin);
        var text = LeadSnapshot.OwnerChange(names.GetValueOrDefault(deletedUserId, "Deleted user"), names.GetValueOrDefault(deletingAdminId)) + " (account deleted)";
        db.LeadActivities.AddRange(owned.Select(id => LeadService.Activity(id, LeadActivityKind.OwnerChanged, text, admin, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
