using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>What one failed attempt did to the account.</summary>
public enum FailureCount
{
    /// <summary>Counted; the account is still open.</summary>
    Counted,
    /// <summary>Counted, and this failure reached the limit: this request locked the account.</summary>
    Locked,
    /// <summary>Not counted: the account was already locked (or is gone, or has lockout off).</summary>
    AlreadyLocked,
}

/// <summary>
/// The failed-sign-in counter of an account, kept by conditional updates of the user row. Identity's
/// <c>UserManager.AccessFailedAsync</c> reads the count, adds one in memory and writes it back, so parallel wrong
/// guesses overwrite each other and the limit is never reached. Here each failure is one UPDATE that adds one in the
/// database, only while the account is not locked, and that at the limit sets the lockout end and resets the count
/// (Identity's semantics). Every update renews the ConcurrencyStamp, so a UserManager holding the row from before
/// fails its save as a concurrency conflict instead of writing the old count back.
/// </summary>
public sealed class AccountLockout(IDbContextFactory<ChatCrmDbContext> dbFactory, MailOutbox outbox, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>Locked now. The app's clock decides, as it does when the lock is set.</summary>
    public bool IsLocked(AppUser user) => user.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow();

    /// <param name="lockNotice">The mail to the owner when this failure locks the account, given the lock's end; it is
    /// queued in the transaction that sets the lock.</param>
    public async Task<FailureCount> RecordFailureAsync(Guid userId, Func<DateTimeOffset, EmailMessage> lockNotice,
        CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var max = settings.MaxFailedAccessAttempts;
        var now = clock.GetUtcNow();
        DateTimeOffset? lockUntil = now.AddMinutes(settings.LockoutMinutes);
        var stamp = Guid.NewGuid().ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counted = await db.Users
            .Where(u => u.Id == userId && u.LockoutEnabled && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= max ? lockUntil : u.LockoutEnd)
                .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= max ? 0 : u.AccessFailedCount + 1)
                .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
        if (counted == 0) return FailureCount.AlreadyLocked;

        // The stamp is still ours only if nothing changed the row since: then a lock on it is the one this update set.
        var after = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.LockoutEnd, u.ConcurrencyStamp }).FirstOrDefaultAsync(cancellationToken);
        var lockedNow = after is not null && after.ConcurrencyStamp == stamp && after.LockoutEnd > now;
        if (lockedNow)
        {
            outbox.Add(db, lockNotice(after!.LockoutEnd!.Value));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return lockedNow ? FailureCount.Locked : FailureCount.Counted;
    }

    /// <summary>The end of a lock in force now, read from the database (not from a row loaded earlier).</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId && u.LockoutEnabled && u.LockoutEnd > now)
            .Select(u => u.LockoutEnd).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A success starts the count again; the row is only written when there is something to reset.</summary>
    public async Task ResetCountAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var stamp = Guid.NewGuid().ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.AccessFailedCount != 0)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
    }

    /// <summary>
    /// An admin's lock, with no end. Written like the failure count (one update, new ConcurrencyStamp), and with a new
    /// SecurityStamp so every cookie of the account fails its next check; a UserManager save here could lose the lock to
    /// a failed sign-in that renewed the ConcurrencyStamp a moment before.
    /// </summary>
    public async Task LockByAdminAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var (stamp, security) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString("N"));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)AdminAccountService.LockedByAdminUntil)
                .SetProperty(u => u.SecurityStamp, security)
                .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
    }

    /// <summary>Ends any lock, an admin's or a failed-attempt one, and starts the count again.</summary>
    public async Task UnlockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var stamp = Guid.NewGuid().ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.AccessFailedCount, 0)
                .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
    }

    /// <summary>A password reset is the way back in after a failed-attempt lock; an admin's lock stays.</summary>
    public async Task LiftFailedAttemptLockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var stamp = Guid.NewGuid().ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd < AdminAccountService.LockedByAdminUntil))
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.AccessFailedCount, 0)
                .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
    }
}
