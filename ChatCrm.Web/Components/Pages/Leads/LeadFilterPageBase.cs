using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>
/// A lead page whose filter lives in the address (the list and the board). The query keys are declared so that a
/// change of the URL (back/forward, a link) re-runs OnParametersSet; the filter itself is parsed from the whole query
/// by <see cref="LeadFilter.Parse"/>, the one place that knows the format. Both pages offer the same filter bar, so
/// the choices it lists (owners, sources, tags) are loaded here.
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

    [Inject] protected LeadService Leads { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected IReadOnlyList<LeadOwner> Owners { get; private set; } = [];

    protected IReadOnlyList<string> Sources { get; private set; } = [];

    protected IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The filter bar's choices; a failure leaves them empty and says so (the list still loads).</summary>
    protected async Task LoadPickersAsync()
    {
        try
        {
            var actor = await GetActorAsync();
            Owners = await Leads.OwnersAsync(actor);
            Sources = await Leads.SourcesAsync(actor);
            Tags = await Leads.TagsAsync(actor);
        }
        catch (Exception ex)
        {
            Report(ex, "load lead filter choices");
        }
    }

    /// <summary>The page's own address with <paramref name="query"/> (the filter, and for the list its sort and page).</summary>
    protected void ShowInAddress(string path, string query) => Navigation.NavigateTo(LeadListView.Url(path, query), replace: true);
}
