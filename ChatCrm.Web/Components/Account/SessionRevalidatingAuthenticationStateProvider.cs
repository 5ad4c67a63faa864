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
internal sealed partial class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    IOptions<AccountOptions> accounts,
    IOptions<IdentityOptions> identity,
    SignOutNavigation signOut,
    TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SessionRevalidatingAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(accounts.Value.CircuitRevalidationSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.GetUserId();
        var sessionId = principal.GetSessionId();
        if (userId is null || sessionId is null) return false;

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var stamp = principal.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.SecurityStamp,
                    u.LockoutEnd,
                    SessionActive = db.Sessions.Any(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null),
                })
                .FirstOrDefaultAsync(cancellationToken);
            var locked = user?.LockoutEnd > now;
            if (user is not null && user.SecurityStamp == stamp && !locked && user.SessionActive) return true;
            // Said on the sign-in page this circuit is sent to (SignedOutRedirect); it concerns this page's own account only.
            signOut.Reason = locked ? SignedOutReason.Locked : SignedOutReason.SessionEnded;
            return false;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // The base class signs the page out on any exception; an outage says nothing about the session, so the
            // page stays signed in and the next check (once the database is back) decides.
            LogOutage(_logger, e);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached to re-check a session; the page stays signed in until the next check")]
    private static partial void LogOutage(ILogger logger, Exception exception);
}
