using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Pages.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Meetings;

public sealed partial class MeetingGrid : IDisposable
{
    private const int PageSize = 20;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);
    private static readonly HashSet<string> SortableColumns = [nameof(MeetingRow.StartAt), nameof(MeetingRow.Title)];

    [Parameter] public EventCallback<Guid> Open { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    [Inject] private ILogger<MeetingGrid> Logger { get; set; } = default!;

    private RadzenDataGrid<MeetingRow> _grid = default!;
    // Null until the first load: the grid asks LoadData for rows only while it has none.
    private IReadOnlyList<MeetingRow>? _rows;
    private int _count;
    private string? _error;
    private string? _searchText;
    private MeetingWhen _when = MeetingWhen.Upcoming;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    public Task ReloadAsync() => _grid.Reload();

    private async Task LoadAsync(LoadDataArgs args)
    {
        _error = null;
        var failure = await _loads.RunAsync(async token =>
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null && SortableColumns.Contains(s.Property));
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, search, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await Meetings.ListAsync(await CurrentActor.GetAsync(), request, _when, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
            };
        });
        if (failure is { } ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load meetings");
            _error = "The meetings could not be loaded. Please try again.";
        }
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _searchPause.WaitAsync()) return;
        await _grid.FirstPage(true);
    }

    private async Task OnWhenChangedAsync(MeetingWhen when)
    {
        _when = when;
        await _grid.FirstPage(true);
    }

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
