using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>
/// A lead page whose filter lives in the address (the list and the board). The query keys are declared so that a
/// change of the URL (back/forward, a link) re-runs OnParametersSet; the filter itself is parsed from the whole query
/// by <see cref="Core.Leads.LeadFilter.Parse"/>, the one place that knows the format.
/// </summary>
public abstract class LeadFilterPageBase : LeadsPageBase
{
    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] public string? Owner { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? Tag { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
}
