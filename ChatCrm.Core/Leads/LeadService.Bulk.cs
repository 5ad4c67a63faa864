using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Bulk actions on the rows a person ticked. Each is a few set-based statements in one transaction (read what
/// changes, one UPDATE or DELETE, the timeline lines), not a load and save per lead. Bulk actions act on what the
/// person chose regardless of versions: they name a target value, not an edit of fields someone else may be typing.
/// </summary>
public sealed partial class LeadService
{
    public const int MaxBulk = 500;

    /// <param name="ownerId">The new owner, or null to make the leads unassigned.</param>
    public async Task<Result> AssignOwnerAsync(Actor actor, IReadOnlyCollection<Guid> ids, Guid? ownerId, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (CheckSelection(ids) is { } refused) return refused;
        var selected = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string? ownerName = null;
        if (ownerId is { } owner)
        {
            ownerName = await PeopleByRole.Staff(db).Where(u => u.Id == owner).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
            if (ownerName is null) return Result.Fail("Choose an owner from the list of agents and admins.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changing = await db.Leads.Where(l => selected.Contains(l.Id) && l.OwnerId != ownerId)
            .Select(l => new { l.Id, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), HadOwner = l.OwnerId != null })
            .ToListAsync(cancellationToken);
        if (changing.Count == 0) return Result.Ok();
        var changingIds = changing.Select(c => c.Id).ToList();
        var now = clock.GetUtcNow();
        await db.Leads.Where(l => changingIds.Contains(l.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(l => l.OwnerId, ownerId).SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
        db.LeadActivities.AddRange(changing.Select(c => Activity(c.Id, LeadActivityKind.OwnerChanged,
            LeadSnapshot.OwnerChange(c.HadOwner ? c.OwnerName ?? "Deleted user" : null, ownerName), actor, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> ChangeStatusAsync(Actor actor, IReadOnlyCollection<Guid> ids, LeadStatus status, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (CheckSelection(ids) is { } refused) return refused;
        if (!Enum.IsDefined(status)) return Result.Fail("Choose a status.");
        var selected = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changing = await db.Leads.Where(l => selected.Contains(l.Id) && l.Status != status).Select(l => new { l.Id, l.Status })
            .ToListAsync(cancellationToken);
        if (changing.Count == 0) return Result.Ok();
        var changingIds = changing.Select(c => c.Id).ToList();
        var now = clock.GetUtcNow();
        await db.Leads.Where(l => changingIds.Contains(l.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(l => l.Status, status).SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
        db.LeadActivities.AddRange(changing.Select(c =>
            Activity(c.Id, LeadActivityKind.StatusChanged, LeadSnapshot.StatusChange(c.Status, status), actor, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> DeleteManyAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (CheckSelection(ids) is { } refused) return refused;
        var selected = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The timeline goes with the leads (cascade), so there is no line to write.
        await db.Leads.Where(l => selected.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
        return Result.Ok();
    }

    private static Result? CheckSelection(IReadOnlyCollection<Guid> ids) =>
        ids.Count == 0 ? Result.Fail("Select at least one lead first.")
        : ids.Count > MaxBulk ? Result.Fail($"Select at most {MaxBulk} leads at a time.")
        : null;
}
