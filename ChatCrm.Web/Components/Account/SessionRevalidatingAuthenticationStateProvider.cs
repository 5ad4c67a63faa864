using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Web.Components.Account;

/// <summary>
/// An open page (circuit) re-checks its sign-in every ChatCrm:Accounts:CircuitRevalidationSeconds: the session must
/// be active, the account present and unlocked, and the security stamp unchanged. When that fails the page becomes
/// signed out and <see cref="Layout.SignedOutRedirect"/> reloads it to the sign-in page, ending the circuit.
/// </summary>
internal sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    IOptions<AccountOptions> accounts,
    IOptions<IdentityOptions> identity,
    TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(accounts.Value.CircuitRevalidationSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.GetUserId();
        var sessionId = principal.GetSessionId();
        if (userId is null || sessionId is null) return false;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var stamp = principal.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return await db.Users.AsNoTracking().AnyAsync(u =>
            u.Id == userId
            && u.SecurityStamp == stamp
            && (u.LockoutEnd == null || u.LockoutEnd <= now)
            && db.Sessions.Any(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null), cancellationToken);
    }
}
