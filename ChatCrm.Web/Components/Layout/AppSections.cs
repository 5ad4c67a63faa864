using System.Security.Claims;
using ChatCrm.Core.Accounts;
using MudBlazor;

namespace ChatCrm.Web.Components.Layout;

/// <summary>A top-level screen of the app: where it lives and who may open it.</summary>
/// <param name="Icon">A MudBlazor icon (an SVG path from <see cref="Icons"/>).</param>
/// <param name="Roles">Comma-separated roles (as <c>[Authorize(Roles = ...)]</c> takes them); null means every signed-in person.</param>
public sealed record AppSection(string Title, string Path, string Icon, string? Roles)
{
    /// <summary>Whether the menu offers this section to <paramref name="user"/> (the page checks again itself).</summary>
    public bool IsOpenTo(ClaimsPrincipal user) => Roles is null || Roles.Split(',').Any(user.IsInRole);
}

/// <summary>
/// The sections in menu order, read by the side menu, so who sees which entry is decided in one place. The pages still
/// carry their own <c>[Authorize]</c>: hiding a link is not a guard.
/// </summary>
public static class AppSections
{
    public static readonly AppSection Dashboard = new("Dashboard", "/", Icons.Material.Outlined.Dashboard, null);

    public static readonly AppSection Chat = new("Chat", "/chat", Icons.Material.Outlined.Forum, null);

    public static readonly IReadOnlyList<AppSection> All =
    [
        Dashboard,
        Chat,
        new("Leads", "/leads", Icons.Material.Outlined.PersonSearch, Roles.Staff),
        new("Campaigns", "/campaigns", Icons.Material.Outlined.Campaign, Roles.Staff),
        new("Meetings", "/meetings", Icons.Material.Outlined.Event, null),
        new("Tickets", "/tickets", Icons.Material.Outlined.ConfirmationNumber, null),
        new("Admin", "/admin/accounts", Icons.Material.Outlined.AdminPanelSettings, Roles.Admin),
        new("Mail queue", "/admin/mail", Icons.Material.Outlined.Outbox, Roles.Admin),
    ];

    /// <summary>
    /// The section a page belongs to, from its address relative to the app's base ("leads/new?x=1"): the dashboard only
    /// for the root itself, any other section for its own path and every path below it. Null for pages of none (the
    /// profile, say).
    /// </summary>
    public static AppSection? At(string relativePath)
    {
        var path = "/" + relativePath.Split('?', '#')[0].TrimEnd('/');
        if (path == "/") return Dashboard;
        // The longest match wins, so a section nested under another's path would still be marked alone.
        return All.Where(s => s != Dashboard && (path.Equals(s.Path, StringComparison.OrdinalIgnoreCase) || path.StartsWith(s.Path + "/", StringComparison.OrdinalIgnoreCase)))
            .MaxBy(s => s.Path.Length);
    }
}
