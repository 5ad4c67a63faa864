using System.Globalization;
using ChatCrm.Core.Campaigns;
using ChatCrm.Web.Components.Shared;
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

    public static Tone StatusTone(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => Tone.Neutral,
        CampaignStatus.Scheduled => Tone.Info,
        CampaignStatus.Running => Tone.Warning,
        _ => Tone.Success,
    };

    public static Tone RecipientTone(RecipientStatus status) => status switch
    {
        RecipientStatus.Sent => Tone.Success,
        RecipientStatus.Failed => Tone.Error,
        RecipientStatus.Sending => Tone.Warning,
        RecipientStatus.Interrupted => Tone.Primary,
        _ => Tone.Neutral,
    };

    public static string Rate(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
