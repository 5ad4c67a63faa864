using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Core.Accounts;

/// <summary>User names are the handle people find each other by: lowercase letters, digits, dot, dash, underscore.</summary>
public static class UserNames
{
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";

    public const string Pattern = "^[a-zA-Z0-9._-]+$";

    public const string RequiredMessage = "Choose a user name.";

    public const string LengthMessage = "3 to 32 characters.";

    public const string PatternMessage = "Use letters, digits, dot, dash or underscore.";

    public const string Taken = "That user name is taken. Try another.";

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public static bool IsValid(string value) =>
        value.Length is >= 3 and <= AppUser.UserNameMax && value.All(c => AllowedCharacters.Contains(c, StringComparison.Ordinal));

    /// <summary>A free name made from the address's local part: "ann.lee@x.com" becomes "ann.lee", or "ann.lee2".</summary>
    public static async Task<string> FreeUserNameAsync(UserManager<AppUser> users, string email)
    {
        var local = email.Split('@')[0].ToLowerInvariant();
        var stem = new StringBuilder();
        foreach (var c in local.Where(c => AllowedCharacters.Contains(c, StringComparison.Ordinal))) stem.Append(c);
        var baseName = stem.Length >= 3 ? stem.ToString()[..Math.Min(stem.Length, AppUser.UserNameMax - 4)] : "user";
        var candidate = baseName;
        for (var n = 2; await users.FindByNameAsync(candidate) is not null; n++)
        {
            candidate = n < 1000 ? $"{baseName}{n}" : $"{baseName}{Random.Shared.Next(1000, 9999)}";
        }
        return candidate;
    }
}
