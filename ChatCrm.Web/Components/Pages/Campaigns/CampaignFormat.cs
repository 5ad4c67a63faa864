using System.Globalization;
using ChatCrm.Core.Campaigns;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>Labels and badges shared by the campaign pages (times: the reader's clock, <see cref="Shared.ReaderClock"/>).</summary>
internal static class CampaignFormat
{
    public static readonly IReadOnlyList<CampaignStatus> Statuses = Enum.GetValues<CampaignStatus>();

    public static readonly IReadOnlyList<CampaignChannel> Channels = Enum.GetValues<CampaignChannel>();

    public static string Channel(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Email => "Email",
        CampaignChannel.WhatsApp => "WhatsApp",
        CampaignChannel.Sms => "SMS",
        _ => channel.ToString(),
    };

    public static string ChannelIcon(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Email => "mail",
        CampaignChannel.WhatsApp => "chat",
        _ => "sms",
    };

    public static BadgeStyle StatusStyle(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => BadgeStyle.Base,
        CampaignStatus.Scheduled => BadgeStyle.Info,
        CampaignStatus.Running => BadgeStyle.Warning,
        _ => BadgeStyle.Success,
    };

    public static BadgeStyle RecipientStyle(RecipientStatus status) => status switch
    {
        RecipientStatus.Sent => BadgeStyle.Success,
        RecipientStatus.Failed => BadgeStyle.Danger,
        RecipientStatus.Sending => BadgeStyle.Warning,
        RecipientStatus.Interrupted => BadgeStyle.Secondary,
        RecipientStatus.Skipped => BadgeStyle.Light,
        _ => BadgeStyle.Base,
    };

    public static string Rate(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}

/// <summary>One bar of a chart: Radzen charts read the category and value by property name.</summary>
public sealed record ChartPoint(string Stage, int Count);
