namespace ChatCrm.Core.Leads;

/// <summary>A lead's fields before and after an edit, turned into the timeline's "who changed what" lines.</summary>
internal sealed record LeadSnapshot(string Name, string Email, string? Phone, string? Company, LeadStatus Status, string? Source,
    Guid? OwnerId, string Tags, string? Notes)
{
    public const string Unassigned = "Unassigned";

    public static LeadSnapshot Of(Lead lead) => new(lead.Name, lead.Email, lead.Phone, lead.Company, lead.Status, lead.Source, lead.OwnerId,
        string.Join(", ", lead.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)), lead.Notes);

    public static string StatusChange(LeadStatus from, LeadStatus to) => $"{from} → {to}";

    public static string OwnerChange(string? from, string? to) => $"{from ?? Unassigned} → {to ?? Unassigned}";

    /// <summary>Status and owner get their own lines (the timeline and dashboard look for them); the rest share one.</summary>
    public static IEnumerable<(LeadActivityKind Kind, string Text)> Describe(LeadSnapshot before, LeadSnapshot after, IReadOnlyDictionary<Guid, string> ownerNames)
    {
        if (before.Status != after.Status) yield return (LeadActivityKind.StatusChanged, StatusChange(before.Status, after.Status));
        if (before.OwnerId != after.OwnerId)
            yield return (LeadActivityKind.OwnerChanged, OwnerChange(NameOf(before.OwnerId, ownerNames), NameOf(after.OwnerId, ownerNames)));

        var changes = new List<string>();
        void Field(string label, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal)) changes.Add($"{label}: {Shown(from)} → {Shown(to)}");
        }
        Field("Name", before.Name, after.Name);
        Field("Email", before.Email, after.Email);
        Field("Phone", before.Phone, after.Phone);
        Field("Company", before.Company, after.Company);
        Field("Source", before.Source, after.Source);
        Field("Tags", before.Tags, after.Tags);
        // Notes can be long: say that they changed, not what they say.
        if (!string.Equals(before.Notes ?? "", after.Notes ?? "", StringComparison.Ordinal)) changes.Add("Notes edited");
        if (changes.Count > 0) yield return (LeadActivityKind.Edited, string.Join("; ", changes));
    }

    private static string? NameOf(Guid? id, IReadOnlyDictionary<Guid, string> names) =>
        id is { } owner ? names.GetValueOrDefault(owner) ?? "Deleted user" : null;

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(empty)" : value.Length > 80 ? value[..80] + "…" : value;
}
