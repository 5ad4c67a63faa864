namespace ChatCrm.Core.Leads;

/// <summary>The columns the lead list can sort by on the server.</summary>
public enum LeadSort
{
    Updated = 0,
    Created = 1,
    Name = 2,
    Company = 3,
    Status = 4,
}

/// <summary>One row of the lead list.</summary>
public sealed record LeadRow(Guid Id, string Name, string Email, string? Phone, string? Company, LeadStatus Status, string? Source,
    Guid? OwnerId, string? OwnerName, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A lead as its edit form loads it; <see cref="Version"/> goes back with the save.</summary>
public sealed record LeadDetails(Guid Id, string Name, string Email, string? Phone, string? Company, LeadStatus Status, string? Source,
    Guid? OwnerId, string? OwnerName, IReadOnlyList<string> Tags, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public LeadInput ToInput() => new()
    {
        Name = Name,
        Email = Email,
        Phone = Phone,
        Company = Company,
        Status = Status,
        Source = Source,
        OwnerId = OwnerId,
        Tags = [.. Tags],
        Notes = Notes,
    };
}

/// <summary>What a person typed into the lead form (mutable: the form binds to it).</summary>
public sealed class LeadInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public string? Source { get; set; }

    public Guid? OwnerId { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Notes { get; set; }
}

/// <summary>
/// The outcome of a create or edit: the lead's id, or the problems keyed by the <see cref="LeadInput"/> property they
/// belong to, so the form shows each one next to its field.
/// </summary>
public sealed record LeadSaveResult(Guid? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static LeadSaveResult Saved(Guid id) => new(id, new Dictionary<string, string>());

    public static LeadSaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);

    /// <summary>A not-found or similar refusal that belongs to no single field.</summary>
    public static LeadSaveResult Refused(string message) => new(null, new Dictionary<string, string> { [""] = message });
}

/// <summary>One line of a lead's timeline, with the name of whoever did it.</summary>
public sealed record LeadActivityRow(Guid Id, LeadActivityKind Kind, string? Text, Guid? ActorId, string? ActorName, DateTimeOffset At);

/// <summary>A card on the pipeline board.</summary>
public sealed record LeadCard(Guid Id, string Name, string? Company, string? OwnerName, int Version, DateTimeOffset UpdatedAt);

/// <summary>A board column: every lead of a status counted, the first cards shown.</summary>
public sealed record LeadBoardColumn(LeadStatus Status, int Count, IReadOnlyList<LeadCard> Cards);

/// <summary>Someone who can own leads (an agent or an admin), for pickers.</summary>
public sealed record LeadOwner(Guid Id, string Name);

/// <summary>An existing lead with the same email, for the form's duplicate warning.</summary>
public sealed record LeadDuplicate(Guid Id, string Name);
