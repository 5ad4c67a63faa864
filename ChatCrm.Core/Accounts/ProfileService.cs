using System.ComponentModel.DataAnnotations;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

public sealed class ProfileForm
{
    [Required(ErrorMessage = "Enter your name."), StringLength(AppUser.DisplayNameMax, ErrorMessage = "At most 80 characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = UserNames.RequiredMessage), StringLength(AppUser.UserNameMax, MinimumLength = 3, ErrorMessage = UserNames.LengthMessage)]
    [RegularExpression(UserNames.Pattern, ErrorMessage = UserNames.PatternMessage)]
    public string UserName { get; set; } = "";

    [Phone(ErrorMessage = "That is not a phone number."), StringLength(AppUser.PhoneMax)]
    public string? Phone { get; set; }

    [StringLength(AppUser.BioMax, ErrorMessage = "At most 500 characters.")]
    public string? Bio { get; set; }

    [StringLength(AppUser.StatusTextMax, ErrorMessage = "At most 140 characters.")]
    public string? StatusText { get; set; }

    /// <summary>The version read with the form; a save against a newer version is a conflict.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed record ProfileView(Guid Id, string DisplayName, string? UserName, string? Email, string? AvatarFile, string Role);

/// <summary>A person's own profile. Everything here acts on the actor's own account only.</summary>
public sealed class ProfileService(IServiceScopeFactory scopes, IDbContextFactory<ChatCrmDbContext> dbFactory, AvatarStore avatars)
{
    public const string ChangedElsewhere = "Your profile was changed elsewhere (another tab?). Reload to see the latest, then edit again.";

    /// <summary>Said beside the user name field: the one save refusal that belongs to a field.</summary>
    public const string UserNameTaken = UserNames.Taken;

    public async Task<ProfileView?> GetViewAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.Id, u.DisplayName, u.UserName, u.Email, u.AvatarFile,
                (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault() ?? Roles.Client))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ProfileForm?> GetFormAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new ProfileForm
            {
                DisplayName = u.DisplayName,
                UserName = u.UserName ?? "",
                Phone = u.PhoneNumber,
                Bio = u.Bio,
                StatusText = u.StatusText,
                ConcurrencyStamp = u.ConcurrencyStamp,
            })
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the form; a form read before the last save gets <see cref="ConcurrencyConflictException"/>, never a silent overwrite.</summary>
    public async Task<Result> SaveAsync(Actor actor, ProfileForm form, CancellationToken cancellationToken = default)
    {
        var userName = UserNames.Normalize(form.UserName);
        if (!UserNames.IsValid(userName)) return Result.Fail("Use 3 to 32 letters, digits, dots, dashes or underscores for the user name.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null) return Result.Fail("Your account no longer exists.");
        if (form.ConcurrencyStamp != user.ConcurrencyStamp) throw new ConcurrencyConflictException(ChangedElsewhere);
        if (await users.FindByNameAsync(userName) is { } other && other.Id != user.Id) return Result.Fail(UserNameTaken);

        user.DisplayName = form.DisplayName.Trim();
        user.UserName = userName;
        user.PhoneNumber = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        user.Bio = string.IsNullOrWhiteSpace(form.Bio) ? null : form.Bio.Trim();
        user.StatusText = string.IsNullOrWhiteSpace(form.StatusText) ? null : form.StatusText.Trim();
        var saved = await users.UpdateAsync(user);
        if (saved.Errors.Any(e => e.Code == "ConcurrencyFailure")) throw new ConcurrencyConflictException(ChangedElsewhere);
        if (!saved.Succeeded) return Result.Fail(AccountFlows.Describe(saved));
        form.ConcurrencyStamp = user.ConcurrencyStamp;
        return Result.Ok();
    }

    /// <summary>The account's time zone as stored (an IANA id), or null when it has none yet.</summary>
    public async Task<string?> GetTimeZoneAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The person chooses their zone. An id this server does not know is refused with a message saying so. Only the
    /// one column is written, without a new ConcurrencyStamp: an open profile form stays saveable.
    /// </summary>
    public async Task<Result> SetTimeZoneAsync(Actor actor, string? zoneId, CancellationToken cancellationToken = default)
    {
        if (TimeZoneIds.Problem(zoneId) is { } problem) return Result.Fail(problem);
        TimeZoneIds.TryFind(zoneId, out var zone);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZone, zone!.Id), cancellationToken);
        return saved == 0 ? Result.Fail("Your account no longer exists.") : Result.Ok();
    }

    /// <summary>
    /// Keeps the zone a person's browser reported, once: only while the account has none, so a zone chosen on the
    /// profile (or saved by another tab a moment earlier) is never replaced. An id that is not a known zone is ignored.
    /// Returns the account's zone afterwards, null when it still has none.
    /// </summary>
    public async Task<string?> AdoptBrowserTimeZoneAsync(Guid userId, string? browserZoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (TimeZoneIds.TryFind(browserZoneId, out var zone))
        {
            await db.Users.Where(u => u.Id == userId && u.TimeZone == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZone, zone.Id), cancellationToken);
        }
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result> SetAvatarAsync(Actor actor, Stream content, CancellationToken cancellationToken = default)
    {
        var (fileName, error) = await avatars.SaveAsync(content, cancellationToken);
        if (error is not null) return Result.Fail(error);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var old = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.AvatarFile).FirstOrDefaultAsync(cancellationToken);
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.AvatarFile, fileName), cancellationToken);
        avatars.Delete(old);
        return Result.Ok();
    }
}
