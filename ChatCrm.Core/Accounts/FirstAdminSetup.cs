using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// The one-time link that creates the first Admin on an empty database. The token is random, printed to the console
/// at start, kept only as a hash in memory, and dies when used (or when the process ends: the next start prints a new one).
/// </summary>
public sealed class FirstAdminSetup(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private byte[]? _tokenHash;

    public bool IsOpen
    {
        get { lock (_gate) return _tokenHash is not null; }
    }

    public string OpenWithNewToken()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        lock (_gate) _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return token;
    }

    public bool Accepts(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        lock (_gate) return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(hash, _tokenHash);
    }

    /// <summary>Creates the Admin and closes the link, if the token is right and no admin exists yet.</summary>
    public async Task<Result> CreateAdminAsync(string token, string displayName, string email, string password)
    {
        lock (_gate)
        {
            if (!Accepts(token)) return Result.Fail("This setup link is not valid (it works once, and a restart prints a new one).");
            _tokenHash = null; // taken now, so a second request with the same link cannot race this one
        }
        var result = await CreateAdminAsync(scopes, clock, displayName, email, password);
        if (!result.Succeeded) lock (_gate) _tokenHash ??= SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return result;
    }

    internal static async Task<Result> CreateAdminAsync(IServiceScopeFactory scopes, TimeProvider clock, string displayName, string email, string password)
    {
        if (!EmailAddresses.IsValid(email)) return Result.Fail(EmailAddresses.InvalidMessage);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return Result.Fail("An admin already exists.");
        var (_, created) = await ConfirmedAccount.CreateAsync(users, displayName, email, Roles.Admin, password, clock.GetUtcNow());
        return created.Succeeded ? Result.Ok() : Result.Fail(AccountFlows.Describe(created));
    }
}
