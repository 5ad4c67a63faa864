using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Campaigns;

/// <summary>One line of the campaign list.</summary>
public sealed record CampaignRow(Guid Id, string Name, CampaignChannel Channel, CampaignStatus Status, DateTimeOffset? ScheduledAt,
    int Sent, int Delivered, int Converted, DateTimeOffset UpdatedAt);

/// <summary>Everything the detail page and the edit form show.</summary>
public sealed record CampaignDetails(Guid Id, string Name, CampaignChannel Channel, CampaignStatus Status, DateTimeOffset? ScheduledAt,
    string AudienceQuery, string? Subject, string? Body, string? Notes, CampaignMetrics Metrics, Guid? OwnerId, string? OwnerName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SendStartedAt, DateTimeOffset? SendCompletedAt, int Version)
{
    /// <summary>An email campaign whose audience has been snapshotted: its content and audience are fixed now.</summary>
    public bool SendHasStarted => Channel == CampaignChannel.Email && SendStartedAt is not null;

    public CampaignInput ToInput() => new()
    {
        Name = Name,
        Channel = Channel,
        Status = Status,
        ScheduledAt = ScheduledAt,
        AudienceQuery = AudienceQuery,
        Subject = Subject,
        Body = Body,
        Notes = Notes,
    };
}

/// <summary>The funnel, widest first.</summary>
public sealed record CampaignMetrics(int Sent, int Delivered, int Opened, int Replied, int Converted)
{
    public IReadOnlyList<(string Stage, int Count)> Stages =>
        [("Sent", Sent), ("Delivered", Delivered), ("Opened", Opened), ("Replied", Replied), ("Converted", Converted)];
}

/// <summary>The create and edit form. Field rules live here so the page shows them next to each field.</summary>
public sealed class CampaignInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the campaign a name.")]
    [StringLength(Campaign.NameMax, ErrorMessage = "The name can have at most {1} characters.")]
    public string Name { get; set; } = "";

    [EnumDataType(typeof(CampaignChannel), ErrorMessage = "Choose email, WhatsApp or SMS.")]
    public CampaignChannel Channel { get; set; } = CampaignChannel.Email;

    [EnumDataType(typeof(CampaignStatus), ErrorMessage = "Choose a status.")]
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    public DateTimeOffset? ScheduledAt { get; set; }

    [StringLength(Campaign.AudienceQueryMax, ErrorMessage = "The audience filter can have at most {1} characters.")]
    public string? AudienceQuery { get; set; }

    [StringLength(Campaign.SubjectMax, ErrorMessage = "The subject can have at most {1} characters.")]
    public string? Subject { get; set; }

    [StringLength(Campaign.BodyMax, ErrorMessage = "The body can have at most {1} characters.")]
    public string? Body { get; set; }

    [StringLength(Campaign.NotesMax, ErrorMessage = "The notes can have at most {1} characters.")]
    public string? Notes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return new("Give the campaign a name.", [nameof(Name)]);
        if (Status == CampaignStatus.Scheduled && ScheduledAt is null)
            yield return new("Choose when the campaign starts.", [nameof(ScheduledAt)]);
        if (Channel == CampaignChannel.Email && Status == CampaignStatus.Scheduled)
        {
            if (string.IsNullOrWhiteSpace(Subject)) yield return new("An email campaign needs a subject before it is scheduled.", [nameof(Subject)]);
            if (string.IsNullOrWhiteSpace(Body)) yield return new("An email campaign needs a body before it is scheduled.", [nameof(Body)]);
        }
    }
}

/// <summary>The hand-entered results of a WhatsApp or SMS campaign.</summary>
public sealed class CampaignMetricsInput
{
    [Range(0, int.MaxValue, ErrorMessage = "Sent cannot be negative.")]
    public int Sent { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "Delivered cannot be negative.")]
    public int Delivered { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "Opened cannot be negative.")]
    public int Opened { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "Replied cannot be negative.")]
    public int Replied { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "Converted cannot be negative.")]
    public int Converted { get; set; }

    /// <summary>Each stage of the funnel is a subset of the one before; null when the numbers fit.</summary>
    public string? FunnelError() =>
        Stages.Any(s => s.Value < 0) ? "The numbers cannot be negative." : FunnelErrors().Values.FirstOrDefault();

    /// <summary>Each stage larger than the one before, keyed by its property name, so a form shows it beside that field.</summary>
    public Dictionary<string, string> FunnelErrors()
    {
        var stages = Stages;
        var errors = new Dictionary<string, string>();
        for (var i = 1; i < stages.Length; i++)
        {
            var (before, stage) = (stages[i - 1], stages[i]);
            // A negative number is refused by its own field; comparing with it would only add noise.
            if (before.Value < 0 || stage.Value <= before.Value) continue;
            errors[stage.Property] = $"More {stage.Name} ({stage.Value}) than {before.Name} ({before.Value}): " +
                                     "each step of the funnel counts people from the step before, so it cannot be larger.";
        }
        return errors;
    }

    private (string Property, string Name, int Value)[] Stages =>
    [
        (nameof(Sent), "sent", Sent), (nameof(Delivered), "delivered", Delivered), (nameof(Opened), "opened", Opened),
        (nameof(Replied), "replied", Replied), (nameof(Converted), "converted", Converted),
    ];
}

/// <summary>How an email send is going: recipients per status.</summary>
public sealed record CampaignProgress(CampaignStatus Status, int Total, int Pending, int Sending, int Sent, int Failed, int Skipped, int Interrupted)
{
    public int Done => Total - Pending - Sending;

    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Done / Total, 1);
}

public sealed record RecipientRow(Guid LeadId, string Name, string Email, RecipientStatus Status, DateTimeOffset? SentAt, string? Error);

/// <summary>Choices for building an audience filter: sources and tags in use, and the agents who own leads.</summary>
public sealed record AudienceChoices(IReadOnlyList<string> Sources, IReadOnlyList<string> Tags, IReadOnlyList<(Guid Id, string Name)> Owners);

public enum UnsubscribeOutcome
{
    Unsubscribed = 1,
    InvalidLink = 2,
}
