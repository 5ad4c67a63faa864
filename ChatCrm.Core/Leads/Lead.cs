using ChatCrm.Core.Common;

namespace ChatCrm.Core.Leads;

public enum LeadStatus
{
    New = 1,
    Contacted = 2,
    Qualified = 3,
    Won = 4,
    Lost = 5,
}

/// <summary>
/// A prospect: the <c>leads</c> document. Tags are its embedded array (kept in <c>lead_tags</c> so a tag filter can
/// use an index); the activity timeline is a child collection (<c>lead_activities</c>).
/// </summary>
public sealed class Lead : IVersioned
{
    public const int NameMax = 120;
    public const int EmailMax = 254;
    public const int PhoneMax = 32;
    public const int CompanyMax = 120;
    public const int SourceMax = 60;
    public const int NotesMax = 4000;
    public const int MaxTags = 20;

    public Guid Id { get; set; } = Ids.New();

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Lower-cased email: the duplicate check and the CSV de-duplication match on it (indexed).</summary>
    public string NormalizedEmail { get; set; } = "";

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public string? Source { get; set; }

    /// <summary>The agent who works the lead; null while unassigned.</summary>
    public Guid? OwnerId { get; set; }

    public List<LeadTag> Tags { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>
    /// Name, email, company and phone lower-cased in one column, so a search is one scan of one column rather than
    /// four case-insensitive comparisons per row.
    /// </summary>
    public string SearchText { get; set; } = "";

    /// <summary>Set when the person followed a campaign's unsubscribe link; no campaign mails them again.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>Recomputes the derived columns; call after any change to name, email, company or phone.</summary>
    public void RefreshDerived()
    {
        NormalizedEmail = Email.Trim().ToLowerInvariant();
        SearchText = string.Join('\n', new[] { Name, Email, Company, Phone }.Where(s => !string.IsNullOrWhiteSpace(s)))
            .ToLowerInvariant();
    }
}

/// <summary>One tag of a lead (an element of the document's <c>tags</c> array).</summary>
public sealed class LeadTag
{
    public const int ValueMax = 40;

    public Guid LeadId { get; set; }

    public string Value { get; set; } = "";
}

public enum LeadActivityKind
{
    Created = 1,
    Note = 2,
    StatusChanged = 3,
    OwnerChanged = 4,
    Edited = 5,
    Imported = 6,
}

/// <summary>One line of a lead's timeline: who did what, and when.</summary>
public sealed class LeadActivity
{
    public const int TextMax = 4000;

    public Guid Id { get; set; } = Ids.New();

    public Guid LeadId { get; set; }

    public LeadActivityKind Kind { get; set; }

    /// <summary>The note, or a short description of the change ("Status: New → Contacted").</summary>
    public string? Text { get; set; }

    public Guid? ActorId { get; set; }

    public DateTimeOffset At { get; set; }
}
