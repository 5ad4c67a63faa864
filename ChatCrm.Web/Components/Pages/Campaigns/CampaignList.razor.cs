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
    private bool _loading;
    private string? _searchText;
    private CampaignStatus? _status;
    private CampaignChannel? _channel;
    private CancellationTokenSource? _currentLoad;
    private CancellationTokenSource? _pendingSearch;

    private async Task LoadAsync(LoadDataArgs args)
    {
        // The newest load owns the grid; an older one still running is cancelled and its rows dropped.
        _currentLoad?.Cancel();
        var load = _currentLoad = new CancellationTokenSource();
        _loading = true;
        try
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null && SortableColumns.Contains(s.Property));
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, search, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await Campaigns.ListAsync(await GetActorAsync(), request, _status, _channel, load.Token);
            if (load.IsCancellationRequested) return;
            _rows = page.Items;
            _count = page.TotalCount;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded by a newer load.
        }
        catch (ForbiddenException)
        {
            Show(AlertStyle.Danger, ForbiddenText);
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load campaigns");
            Show(AlertStyle.Danger, "The campaign list could not be loaded. Please try again.");
        }
        finally
        {
            if (ReferenceEquals(_currentLoad, load))
            {
                _currentLoad = null;
                _loading = false;
            }
            load.Dispose();
        }
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        var pending = _pendingSearch = new CancellationTokenSource();
        try
        {
            await Task.Delay(SearchDelay, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await _grid.FirstPage(true);
    }

    private async Task OnFilterChangedAsync(Action change)
    {
        change();
        await _grid.FirstPage(true);
    }

    public void Dispose()
    {
        _currentLoad?.Cancel();
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
    }
}
