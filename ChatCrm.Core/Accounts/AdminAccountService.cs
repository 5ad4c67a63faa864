using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

public sealed record AccountRow(Guid Id, string DisplayName, string? UserName, string? Email, string Role, bool EmailConfirmed,
    bool IsLocked, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt);

/// <summary>
/// Account administration. Every method demands an Admin actor. Deletion rule (README "Deleting an account"): the
/// user row, sessions, codes and avatar go; records owned by the person are reassigned to the deleting admin by the
/// features that own them (<see cref="IAccountDeletionParticipant"/>); their chat messages stay, shown as "Deleted user".
/// </summary>
public sealed class AdminAccountService(
    IServiceScopeFactory scopes,
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    SessionService sessions,
    AccountFlows flows,
    AccountLockout lockout,
    AvatarStore avatars,
    IEnumerable<IAccountDeletionParticipant> deletionParticipants,
    TimeProvider clock)
{
    /// <summary>An admin lock has no end; a date every engine stores is used instead of DateTimeOffset.MaxValue.</summary>
    public static readonly DateTimeOffset LockedByAdminUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether a lockout end is an admin's lock (no end) rather than a failed-attempts lock.</summary>
    public static bool IsAdminLock(DateTimeOffset? lockoutEnd) => lockoutEnd >= LockedByAdminUntil;

    /// <summary>Said beside the new account's email field (an admin may know which addresses have accounts).</summary>
    public const string EmailTaken = "An account with that email already exists.";

    public async Task<PagedResult<AccountRow>> ListAsync(Actor actor, PageRequest page, string? role = null, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = from u in db.Users.AsNoTracking()
                   let roleName = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
                   select new { u, roleName };
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            var term = page.Search.Trim().ToUpperInvariant();
            rows = rows.Where(x => x.u.NormalizedEmail!.Contains(term) || x.u.NormalizedUserName!.Contains(term) || x.u.DisplayName.ToUpper().Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(role)) rows = rows.Where(x => x.roleName == role);

        rows = (page.SortBy, page.Descending) switch
        {
            ("DisplayName", false) => rows.OrderBy(x => x.u.DisplayName),
            ("DisplayName", true) => rows.OrderByDescending(x => x.u.DisplayName),
            ("Email", false) => rows.OrderBy(x => x.u.NormalizedEmail),
            ("Email", true) => rows.OrderByDescending(x => x.u.NormalizedEmail),
            ("UserName", false) => rows.OrderBy(x => x.u.NormalizedUserName),
            ("UserName", true) => rows.OrderByDescending(x => x.u.NormalizedUserName),
            ("CreatedAt", false) => rows.OrderBy(x => x.u.CreatedAt),
            _ => rows.OrderByDescending(x => x.u.CreatedAt),
        };
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(x => new AccountRow(x.u.Id, x.u.DisplayName, x.u.UserName, x.u.Email, x.roleName ?? Roles.Client, x.u.EmailConfirmed,
                x.u.LockoutEnd != null && x.u.LockoutEnd > now, x.u.CreatedAt, x.u.LastSeenAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<AccountRow>(items, total);
    }

    public Task<Result> CreateAsync(Actor actor, string displayName, string email, string role, CancellationToken cancellationToken = default) =>
        CreateAsync(actor, new NewAccountInput { DisplayName = displayName, Email = email, Role = role }, cancellationToken);

    /// <summary>Creates a confirmed account without a password; the person gets a code to choose one.</summary>
    public async Task<Result> CreateAsync(Actor actor, NewAccountInput input, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        // The form's own rules, checked again: the page is not the one that counts.
        if (input.Check() is { Count: > 0 } errors) return Result.Fail(errors.Values.First());
        var email = input.Email.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return Result.Fail(EmailTaken);
        var (user, created) = await ConfirmedAccount.CreateAsync(users, input.DisplayName, email, input.Role, password: null, clock.GetUtcNow());
        if (!created.Succeeded) return Result.Fail(AccountFlows.Describe(created));
        await flows.SendInvitationAsync(user, cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> SetRoleAsync(Actor actor, Guid userId, string role, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        if (!Roles.All.Contains(role)) return Result.Fail(NewAccountInput.RoleRequired);
        return await WithUserAsync(userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync(users, user))
                return Result.Fail("This is the last admin; make someone else an admin first.");
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            // The new role takes effect on the person's open pages at their next check, and in a fresh cookie.
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
            return Result.Ok();
        });
    }

    public async Task<Result> LockAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        if (userId == actor.UserId) return Result.Fail("You cannot lock your own account.");
        return await WithUserAsync(userId, async (users, user) =>
        {
            if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(users, user))
                return Result.Fail("This is the last admin; it cannot be locked.");
            await lockout.LockByAdminAsync(userId, cancellationToken);
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
            return Result.Ok();
        });
    }

    public async Task<Result> UnlockAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        return await WithUserAsync(userId, async (_, _) =>
        {
            await lockout.UnlockAsync(userId, cancellationToken);
            return Result.Ok();
        });
    }

    public async Task<Result> EndSessionsAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken)) return Result.Fail("That account no longer exists.");
        }
        await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        if (userId == actor.UserId) return Result.Fail("You cannot delete your own account here.");
        return await WithUserAsync(userId, async (users, user) =>
        {
            if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(users, user))
                return Result.Fail("This is the last admin; it cannot be deleted.");
            foreach (var participant in deletionParticipants)
            {
                await participant.OnAccountDeletingAsync(userId, actor.UserId, cancellationToken);
            }
            await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
            var avatar = user.AvatarFile;
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded) return Result.Fail(AccountFlows.Describe(deleted));
            avatars.Delete(avatar);
            return Result.Ok();
        });
    }

    private async Task<Result> WithUserAsync(Guid userId, Func<UserManager<AppUser>, AppUser, Task<Result>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null ? Result.Fail("That account no longer exists.") : await action(users, user);
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<AppUser> users, AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.All(a => a.Id == user.Id);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new ForbiddenException("Only admins manage accounts.");
    }
}

/// <summary>A feature that owns records of a person (leads, tickets, ...) hands them over before the account goes.</summary>
public interface IAccountDeletionParticipant
{
    Task OnAccountDeletingAsync(Guid deletedUserId, Guid deletingAdminId, CancellationToken cancellationToken);
}
