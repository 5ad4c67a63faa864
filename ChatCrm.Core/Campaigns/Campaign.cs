using ChatCrm.Core.Common;

namespace ChatCrm.Core.Campaigns;

public enum CampaignChannel
{
    Email = 1,
    WhatsApp = 2,
    Sms = 3,
}

public enum CampaignStatus
{
    Draft = 1,
    Scheduled = 2,
    Running = 3,
    Completed = 4,
}

/// <summary>
/// An outreach campaign: the <c>campaigns</c> document. The audience is a saved lead filter (the lead list's query
/// string, so any view of the lead list can become an audience); metrics are counters on the document.
/// </summary>
public sealed class Campaign : IVersioned
{
    public const int NameMax = 120;
    public const int SubjectMax = 200;
    public const int BodyMax = 20_000;
    public const int NotesMax = 4000;
    public const int AudienceQueryMax = 2000;

    public Guid Id { get; set; } = Ids.New();

    public string Name { get; set; } = "";

    public CampaignChannel Channel { get; set; } = CampaignChannel.Email;

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    /// <summary>When the send starts (Scheduled) or started.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>The audience as a lead-list query string (status, source, tag, owner, created range, search).</summary>
    public string AudienceQuery { get; set; } = "";

    public string? Subject { get; set; }

    /// <summary>Plain text; <c>{{name}}</c> is replaced by the lead's name.</summary>
    public string? Body { get; set; }

    public string? Notes { get; set; }

    public int Sent { get; set; }

    public int Delivered { get; set; }

    public int Opened { get; set; }

    public int Replied { get; set; }

    public int Converted { get; set; }

    public Guid? OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SendStartedAt { get; set; }

    public DateTimeOffset? SendCompletedAt { get; set; }

    public int Version { get; set; }
}

public enum RecipientStatus
{
    /// <summary>Chosen for the send, not yet tried.</summary>
    Pending = 1,

    /// <summary>Claimed by the sender, its mail queued in the same transaction; the queue's outcome moves it on.</summary>
    Sending = 2,

    Sent = 3,
    Failed = 4,

    /// <summary>Unsubscribed before their turn came.</summary>
    Skipped = 5,

    /// <summary>Its mail was being handed to the mail server when the app stopped; whether it left is unknown, so it is not sent again.</summary>
    Interrupted = 6,
}

/// <summary>One person a campaign mails, with how it went (<c>campaign_recipients</c>).</summary>
public sealed class CampaignRecipient
{
    public const int ErrorMax = 500;

    public Guid CampaignId { get; set; }

    public Guid LeadId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public RecipientStatus Status { get; set; } = RecipientStatus.Pending;

    public DateTimeOffset? SentAt { get; set; }

    public string? Error { get; set; }
}
