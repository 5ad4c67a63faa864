using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>Every campaign, searched, filtered, sorted and paged in the query (<see cref="CampaignService.ListAsync"/>).</summary>
public sealed partial class CampaignList : IDisposable
{
    private const int PageSize = 25;

    private static readonly Dictionary<string, object?> TableAttributes = new() { ["aria-label"] = "Campaigns" };

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    private MudTable<CampaignRow> _table = default!;
    private TableData<CampaignRow> _shown = new() { Items = [], TotalItems = 0 };
    private string? _search;
    private CampaignStatus? _status;
    private CampaignChannel? _channel;
    private readonly LatestLoad _loads = new();

    private int ActiveFilters => (_status is null ? 0 : 1) + (_channel is null ? 0 : 1);

    /// <summary>MudTable's server data. A load that a newer one overtook keeps what is shown; a failure is reported.</summary>
    private async Task<TableData<CampaignRow>> LoadAsync(TableState state, CancellationToken _)
    {
        await LoadListAsync(_loads, "campaign list", async token =>
        {
            var search = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim();
            // Unknown or no sort falls back to the service's default: recently changed first.
            var request = new PageRequest(state.Page * state.PageSize, state.PageSize, search,
                state.SortDirection == SortDirection.None ? null : state.SortLabel, state.SortDirection == SortDirection.Descending);
            var page = await Campaigns.ListAsync(await GetActorAsync(), request, _status, _channel, token);
            return () => _shown = new TableData<CampaignRow> { Items = page.Items, TotalItems = page.TotalCount };
        });
        return _shown;
    }

    private Task SearchChangedAsync(string? text)
    {
        _search = text;
        return FirstPageAsync();
    }

    private Task FilterChangedAsync(Action change)
    {
        change();
        return FirstPageAsync();
    }

    /// <summary>After a filter changed: the first page, loaded once (moving to it loads it by itself).</summary>
    private async Task FirstPageAsync()
    {
        if (_table.CurrentPage == 0) await _table.ReloadServerData();
        else _table.NavigateTo(Page.First);
    }

    public void Dispose() => _loads.Dispose();
}
