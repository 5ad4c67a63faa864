using System.Globalization;
using ChatCrm.Core.Campaigns;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>Labels and badges shared by the campaign pages (times: the reader's clock, <see cref="Shared.ReaderClock"/>).</summary>
internal static class CampaignFormat
{
    public static readonly IReadOnlyList<CampaignStatus> Statuses = Enum.GetValues<CampaignStatus>();

    public static readonly IReadOnlyList<CampaignChannel> Channels = Enum.GetValues<CampaignChannel>();

    public static readonly IReadOnlyList<RecipientStatus> RecipientStatuses = Enum.GetValues<RecipientStatus>();

    public static string Channel(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Email => "Email",
        CampaignChannel.WhatsApp => "WhatsApp",
        CampaignChannel.Sms => "SMS",
        _ => channel.ToString(),
    };

    /// <summary>The channel's icon: MudBlazor's SVG path markup, drawn inside an &lt;svg&gt; (CampaignBadges).</summary>
    public static string ChannelIcon(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Email => Icons.Material.Outlined.Mail,
        CampaignChannel.WhatsApp => Icons.Custom.Brands.WhatsApp,
        _ => Icons.Material.Outlined.Sms,
    };

    /// <summary>The badge's colour class (app.css .app-badge).</summary>
    public static string StatusClass(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "app-badge-neutral",
        CampaignStatus.Scheduled => "app-badge-info",
        CampaignStatus.Running => "app-badge-warning",
        _ => "app-badge-success",
    };

    public static string RecipientClass(RecipientStatus status) => status switch
    {
        RecipientStatus.Sent => "app-badge-success",
        RecipientStatus.Failed => "app-badge-error",
        RecipientStatus.Sending => "app-badge-warning",
        RecipientStatus.Interrupted => "app-badge-primary",
        _ => "app-badge-neutral",
    };

    public static string Rate(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
