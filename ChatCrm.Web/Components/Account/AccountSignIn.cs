using System.Security.Claims;
using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Web.Components.Account;

/// <summary>
/// Turns a finished sign-in into a cookie tied to a new session row, and carries the address between the steps of a
/// sign-in (password page, then code page) in a short-lived encrypted cookie instead of the URL.
/// </summary>
internal sealed class AccountSignIn(SignInManager<AppUser> signInManager, SessionService sessions, IDataProtectionProvider protection)
{
    private const string PendingCookie = "ChatCrm.Pending";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(15);
    private readonly ITimeLimitedDataProtector _pending = protection.CreateProtector("ChatCrm.PendingAccountStep").ToTimeLimitedDataProtector();

    public async Task SignInAsync(HttpContext http, Guid userId, bool remember)
    {
        var user = await signInManager.UserManager.FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException("The account disappeared while signing in.");
        var sessionId = await sessions.StartAsync(user.Id, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        await signInManager.SignInWithClaimsAsync(user, remember, [new Claim(SessionClaims.SessionId, sessionId.ToString())]);
        ClearPending(http);
    }

    /// <summary>Re-issues this browser's cookie after a change that renewed the security stamp, keeping its session.</summary>
    public async Task RefreshAsync(HttpContext http, Guid userId)
    {
        var user = await signInManager.UserManager.FindByIdAsync(userId.ToString());
        if (user is null || http.User.GetSessionId() is not { } sessionId) return;
        var persistent = (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent ?? false;
        await signInManager.SignInWithClaimsAsync(user, persistent, [new Claim(SessionClaims.SessionId, sessionId.ToString())]);
    }

    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.GetSessionId() is { } sessionId && Actor.FromPrincipal(http.User) is { } actor)
        {
            await sessions.EndAsync(actor, sessionId);
        }
        await signInManager.SignOutAsync();
    }

    public void SetPending(HttpContext http, string email, bool remember) =>
        http.Response.Cookies.Append(PendingCookie, _pending.Protect($"{(remember ? 1 : 0)}|{email}", PendingLifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Secure = http.Request.IsHttps,
            MaxAge = PendingLifetime,
        });

    public (string Email, bool Remember)? GetPending(HttpContext http)
    {
        if (http.Request.Cookies[PendingCookie] is not { Length: > 0 } value) return null;
        try
        {
            var plain = _pending.Unprotect(value);
            return (plain[2..], plain[0] == '1');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void ClearPending(HttpContext http) => http.Response.Cookies.Delete(PendingCookie);
}
