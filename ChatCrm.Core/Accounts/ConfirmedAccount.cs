using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Creates an account whose address needs no confirmation because someone trusted vouched for it: an admin, the
/// setup link, the bootstrap settings or the demo seeder. Sign-ups go through <see cref="AccountFlows"/> instead.
/// </summary>
internal static class ConfirmedAccount
{
    public static async Task<(AppUser User, IdentityResult Result)> CreateAsync(UserManager<AppUser> users, string displayName, string email,
        string role, string? password, DateTimeOffset now, string? userName = null)
    {
        var user = new AppUser
        {
            DisplayName = displayName.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            UserName = userName ?? await UserNames.FreeUserNameAsync(users, email),
            CreatedAt = now,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        return (user, created);
    }
}
