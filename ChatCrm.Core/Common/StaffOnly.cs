using ChatCrm.Core.Accounts;

namespace ChatCrm.Core.Common;

/// <summary>The rule shared by leads and campaigns: Admins and Agents only; a Client gets nothing at all.</summary>
public static class StaffOnly
{
    public static void Require(Actor actor, string what)
    {
        if (!actor.IsStaff) throw new ForbiddenException($"Only agents and admins can work with {what}.");
    }
}
