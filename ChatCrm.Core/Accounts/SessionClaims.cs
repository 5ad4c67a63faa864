using System.Security.Claims;

namespace ChatCrm.Core.Accounts;

/// <summary>The claim that ties an auth cookie to its row in <c>sessions</c>.</summary>
public static class SessionClaims
{
    public const string SessionId = "chatcrm:sid";

    public static Guid? GetSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id) ? id : null;

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
