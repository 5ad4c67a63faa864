using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

public sealed partial class CampaignList : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    // The columns CampaignService.ListAsync sorts by; anything else falls back to its default (recently changed first).
    private static readonly HashSet<string> SortableColumns =
    [
        nameof(CampaignRow.Name), nameof(CampaignRow.Status), nameof(CampaignRow.Channel), nameof(CampaignRow.ScheduledAt),
        nameof(CampaignRow.Sent), nameof(CampaignRow.UpdatedAt),
    ];

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    private RadzenDataGrid<CampaignRow> _grid = default!;
    private IReadOnlyList<CampaignRow>? _rows;
    private int _count;
    private string? _searchText;
    private CampaignStatus? _status;
    private CampaignChannel? _channel;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    private async Task LoadAsync(LoadDataArgs args)
    {
        await LoadListAsync(_loads, "campaign list", async token =>
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null && SortableColumns.Contains(s.Property));
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, search, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await Campaigns.ListAsync(await GetActorAsync(), request, _status, _channel, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
            };
        });
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        if (!await _searchPause.WaitAsync()) return;
        await _grid.FirstPage(true);
    }

    private async Task OnFilterChangedAsync(Action change)
    {
        change();
        await _grid.FirstPage(true);
    }

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
