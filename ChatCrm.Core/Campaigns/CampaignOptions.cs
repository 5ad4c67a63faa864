using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Campaigns;

/// <summary><c>ChatCrm:Campaigns</c>: how the background sender paces itself.</summary>
public sealed class CampaignOptions
{
    public const string Section = "ChatCrm:Campaigns";

    /// <summary>How often the sender looks for due or running campaigns when nobody woke it.</summary>
    [Range(1, 300)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>At most this many campaign mails a second, so a big audience does not flood the SMTP server.</summary>
    [Range(1, 1000)]
    public int SendsPerSecond { get; set; } = 10;

    /// <summary>
    /// The key that signs unsubscribe links. Leave empty on one server (a key is made and kept under the data
    /// folder); set it (ChatCrm__Campaigns__UnsubscribeKey) when several servers share one database.
    /// </summary>
    public string? UnsubscribeKey { get; set; }
}
