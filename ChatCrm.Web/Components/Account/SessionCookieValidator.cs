using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Web.Components.Account;

/// <summary>
/// Runs on every request that carries the auth cookie: an ended session (signed out elsewhere, ended by an admin,
/// account locked or deleted) rejects the cookie at once; then Identity's security-stamp check runs as usual.
/// </summary>
internal static class SessionCookieValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await ValidateSessionAsync(context);
        }
        catch (Exception e) when (DatabaseOutage.Is(e) && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The database is down and this is already the error page answering for it (a 503): render that page
            // unauthenticated for this one response, but keep the cookie. An outage must never sign anyone out; once
            // the database is back the same cookie works. Outside the error page the exception goes on to the
            // exception handler, which answers 503.
            context.RejectPrincipal();
        }
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.GetSessionId();
        var userId = principal?.GetUserId();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        if (sessionId is null || userId is null
            || !await sessions.ValidateAsync(sessionId.Value, userId.Value, context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            await RememberReasonAsync(context.HttpContext, userId);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // A changed security stamp (new password, lock, role change) refuses the cookie too.
        if (context.Principal is null) await RememberReasonAsync(context.HttpContext, userId);
    }

    // The redirect to sign in says why (AuthenticationSetup): the account of the refused cookie itself is the only one looked at.
    private static async Task RememberReasonAsync(HttpContext http, Guid? userId)
    {
        var lockout = http.RequestServices.GetRequiredService<AccountLockout>();
        SignedOutReasons.Remember(http, await SignedOutReasons.FindAsync(lockout, userId, http.RequestAborted));
    }
}
