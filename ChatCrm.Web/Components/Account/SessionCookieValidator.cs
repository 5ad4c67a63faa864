using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
        var principal = context.Principal;
        var sessionId = principal?.GetSessionId();
        var userId = principal?.GetUserId();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        if (sessionId is null || userId is null
            || !await sessions.ValidateAsync(sessionId.Value, userId.Value, context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
