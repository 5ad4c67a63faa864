using System.Globalization;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Shared;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>How lead values look on every lead page (times: the reader's clock, <see cref="Shared.ReaderClock"/>).</summary>
internal static class LeadFormat
{
    public static readonly IReadOnlyList<LeadStatus> Statuses = Enum.GetValues<LeadStatus>();

    /// <summary>
    /// The class of a status label (app-badge in app.css): plain markup, so a list row or a board card holds no component
    /// for it. The colours are the dashboard chart's for the same status.
    /// </summary>
    public static Tone StatusTone(LeadStatus status) => status switch
    {
        LeadStatus.New => Tone.Info,
        LeadStatus.Contacted => Tone.Primary,
        LeadStatus.Qualified => Tone.Warning,
        LeadStatus.Won => Tone.Success,
        _ => Tone.Neutral,
    };

    public static string Owner(string? ownerName, Guid? ownerId) => ownerName ?? (ownerId is null ? "Unassigned" : "Deleted user");

    public static string Icon(LeadActivityKind kind) => kind switch
    {
        LeadActivityKind.Created => Icons.Material.Outlined.AddCircle,
        LeadActivityKind.Note => Icons.Material.Outlined.StickyNote2,
        LeadActivityKind.StatusChanged => Icons.Material.Outlined.SwapHoriz,
        LeadActivityKind.OwnerChanged => Icons.Material.Outlined.Person,
        LeadActivityKind.Imported => Icons.Material.Outlined.UploadFile,
        _ => Icons.Material.Outlined.Edit,
    };

    public static string Describe(LeadActivityKind kind) => kind switch
    {
        LeadActivityKind.Created => "created the lead",
        LeadActivityKind.Note => "added a note",
        LeadActivityKind.StatusChanged => "changed the status",
        LeadActivityKind.OwnerChanged => "changed the owner",
        LeadActivityKind.Imported => "imported the lead",
        _ => "edited the lead",
    };

    public static string Count(int count) => count == 1 ? "1 lead" : count.ToString("N0", CultureInfo.InvariantCulture) + " leads";
}
