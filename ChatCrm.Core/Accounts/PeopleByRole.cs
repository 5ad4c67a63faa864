using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Who holds a role, as queries the database answers: Identity keeps roles in <c>user_roles</c>, and an
/// <see cref="Actor"/> carries only the signed-in person's own. One place, so "staff" means the same to every feature.
/// </summary>
internal static class PeopleByRole
{
    /// <summary>Admins and agents: the people who work CRM records.</summary>
    public static IQueryable<AppUser> Staff(ChatCrmDbContext db) => WithRole(db, Roles.Admin, Roles.Agent);

    public static IQueryable<AppUser> Clients(ChatCrmDbContext db) => WithRole(db, Roles.Client);

    private static IQueryable<AppUser> WithRole(ChatCrmDbContext db, params string[] roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }
}
