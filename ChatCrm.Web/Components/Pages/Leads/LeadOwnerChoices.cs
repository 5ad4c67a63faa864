using ChatCrm.Core.Leads;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>
/// The owner pickers of the filter and the bulk bar: each choice is an owner's id as text, or
/// <see cref="LeadFilter.Unassigned"/>, the same values the lead list's address carries.
/// </summary>
internal static class LeadOwnerChoices
{
    public static string? Name(IReadOnlyList<LeadOwner> owners, string? value) =>
        value is null ? null
        : value == LeadFilter.Unassigned ? "Unassigned"
        : owners.FirstOrDefault(o => o.Id.ToString() == value)?.Name ?? "Unknown owner";

    /// <summary>"Unassigned" first, then the owners whose name holds <paramref name="text"/>.</summary>
    public static Task<IEnumerable<string>> SearchAsync(IReadOnlyList<LeadOwner> owners, string? text) =>
        Task.FromResult(owners.Select(o => o.Id.ToString()).Prepend(LeadFilter.Unassigned)
            .Where(v => string.IsNullOrWhiteSpace(text) || Name(owners, v)!.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));
}
