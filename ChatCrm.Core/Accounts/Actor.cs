using System.Security.Claims;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Who is asking. Every service method that touches a record takes one, so the rule that decides access sits next
/// to the query, not only in the page.
/// </summary>
public sealed record Actor(Guid UserId, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsStaff => Role is Roles.Admin or Roles.Agent;

    public static Actor? FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var userId)) return null;
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? Roles.Client;
        return new Actor(userId, role);
    }
}
