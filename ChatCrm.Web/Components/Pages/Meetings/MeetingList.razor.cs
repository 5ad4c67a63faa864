using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Meetings;

public sealed partial class MeetingList : IDisposable
{
    private const int PageSize = 20;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);
    private static readonly HashSet<string> SortableColumns = [nameof(MeetingRow.StartAt), nameof(MeetingRow.Title)];
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Meetings list" };

    [Parameter] public EventCallback<Guid> Open { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private MudTable<MeetingRow> _table = default!;
    private IReadOnlyList<MeetingRow> _rows = [];
    private int _count;
    private string? _search;
    private MeetingWhen _when = MeetingWhen.Upcoming;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _typing = new(SearchDelay);

    public Task ReloadAsync() => _table.ReloadServerData();

    private async Task<TableData<MeetingRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sortBy = state.SortDirection != SortDirection.None && state.SortLabel is { } label && SortableColumns.Contains(label) ? label : null;
        var search = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim();
        var request = new PageRequest(state.Page * PageSize, PageSize, search, sortBy, state.SortDirection == SortDirection.Descending);
        var when = _when;
        await LoadListAsync(_loads, "meeting list", async token =>
        {
            // The table cancels a load it no longer wants (a newer page or sort); LatestLoad cancels one a newer load replaced.
            using var both = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            var page = await Meetings.ListAsync(await GetActorAsync(), request, when, both.Token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
            };
        });
        // A failed load keeps the rows already shown (the failure is reported).
        return new TableData<MeetingRow> { Items = _rows, TotalItems = _count };
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _search = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _typing.WaitAsync()) return;
        await FirstPageAsync();
    }

    private async Task OnWhenChangedAsync(MeetingWhen when)
    {
        _when = when;
        await FirstPageAsync();
    }

    // Another search or choice starts again at the first page (a load the move itself starts loses to this one).
    private Task FirstPageAsync()
    {
        _table.NavigateTo(0);
        return _table.ReloadServerData();
    }

    public void Dispose()
    {
        _loads.Dispose();
        _typing.Dispose();
    }
}
