using ChatCrm.Core.Leads;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>How lead values look on every lead page (times: the reader's clock, <see cref="Shared.ReaderClock"/>).</summary>
internal static class LeadFormat
{
    public static readonly IReadOnlyList<LeadStatus> Statuses = Enum.GetValues<LeadStatus>();

    public static BadgeStyle Badge(LeadStatus status) => status switch
    {
        LeadStatus.New => BadgeStyle.Info,
        LeadStatus.Contacted => BadgeStyle.Primary,
        LeadStatus.Qualified => BadgeStyle.Warning,
        LeadStatus.Won => BadgeStyle.Success,
        _ => BadgeStyle.Base,
    };

    public static string Icon(LeadActivityKind kind) => kind switch
    {
        LeadActivityKind.Created => "add_circle",
        LeadActivityKind.Note => "sticky_note_2",
        LeadActivityKind.StatusChanged => "swap_horiz",
        LeadActivityKind.OwnerChanged => "person",
        LeadActivityKind.Imported => "upload_file",
        _ => "edit",
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
}
