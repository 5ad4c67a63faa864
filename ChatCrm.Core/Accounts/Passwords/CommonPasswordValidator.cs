using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Core.Accounts.Passwords;

/// <summary>
/// Rejects passwords that are common, or a common password padded with digits and symbols ("password12345!"),
/// or built from the person's own name or address. Length is Identity's RequiredLength (12).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        var core = lower.Trim("0123456789!@#$%^&*()_-+=.?,;: ".ToCharArray());
        var personal = new[] { user.Email?.Split('@')[0], user.UserName, user.DisplayName?.Replace(" ", "", StringComparison.Ordinal) }
            .Where(p => p is { Length: >= 4 }).Select(p => p!.ToLowerInvariant());

        var weak = Common.Value.Contains(lower)
            || (core.Length < lower.Length && Common.Value.Contains(core))
            || lower.Distinct().Count() <= 3
            || personal.Any(p => core == p || lower.Contains(p, StringComparison.Ordinal) && lower.Length - p.Length < 6);
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "That password is too common or too easy to guess. Try a few unrelated words." })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ChatCrm.Core.Accounts.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        }
        return set;
    }
}
