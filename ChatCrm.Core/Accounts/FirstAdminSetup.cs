using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// The one-time link that creates the first Admin on an empty database. The token is random, printed to the console
/// at start, and kept only as a hash in the database (<see cref="SetupToken"/>), so it works through any server. Each
/// start replaces it (behind several servers, the link of the server started last is the one that works), and
/// creating the admin ends it.
/// </summary>
public sealed class FirstAdminSetup(IDbContextFactory<ChatCrmDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SetupTokens.AnyAsync(cancellationToken);
    }

    /// <summary>Replaces any earlier link with a new one and returns its token.</summary>
    public async Task<string> OpenWithNewTokenAsync(CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SetupTokens.ExecuteDeleteAsync(cancellationToken);
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Ends the link: an admin exists.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SetupTokens.ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<bool> AcceptsAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SetupTokens.AnyAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>Creates the Admin and ends the link, if the token is right and no admin exists yet.</summary>
    public async Task<Result> CreateAdminAsync(string token, string displayName, string email, string password)
    {
        var hash = Hash(token);
        SetupToken? taken;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            taken = await db.SetupTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash);
            // Taken by a conditional delete, so a second request with the same link, on any server, cannot race this one.
            if (taken is null || await db.SetupTokens.Where(t => t.TokenHash == hash).ExecuteDeleteAsync() == 0)
                return Result.Fail("This setup link is not valid (it works once, and a restart prints a new one).");
        }
        var result = await CreateAdminAsync(scopes, clock, displayName, email, password);
        if (result.Succeeded) await CloseAsync();
        else
        {
            // Refused (a weak password, a bad address): the same link stays usable.
            await using var db = await dbFactory.CreateDbContextAsync();
            db.SetupTokens.Add(taken);
            await db.SaveChangesAsync();
        }
        return result;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

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
