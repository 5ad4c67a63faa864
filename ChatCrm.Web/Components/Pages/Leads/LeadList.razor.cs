using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>
/// The lead list: server-paged, sorted and filtered, its whole view in the address (<see cref="LeadListView"/>), with
/// bulk actions on the ticked rows.
/// </summary>
public sealed partial class LeadList : IDisposable
{
    private const int PageSize = 25;

    // Icons drawn as plain markup: one string shared by every row rather than a component in each.
    private static readonly MarkupString EmailIcon = Svg(Icons.Material.Outlined.Email);
    private static readonly MarkupString CallIcon = Svg(Icons.Material.Outlined.Phone);

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Leads" };

    // The list also keeps its sort and page in the address (LeadListView).
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Direction { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageNumber { get; set; }

    private MudTable<LeadRow> _table = default!;
    private LeadListView _view = new(new LeadFilter());
    // The sort the columns start with; later sorting is the table's own, reported through ServerData.
    private LeadListView _initialView = new(new LeadFilter());
    private int _pageIndex;
    private IReadOnlyList<LeadRow> _rows = [];
    private int _count;
    private bool _reloadAfterRender;
    private readonly HashSet<Guid> _selected = [];
    private readonly LatestLoad _loads = new();

    protected override async Task OnInitializedAsync()
    {
        _view = _initialView = CurrentUrlView();
        _pageIndex = _view.Page - 1;
        await LoadPickersAsync();
    }

    protected override void OnParametersSet()
    {
        var view = CurrentUrlView();
        if (view.SameAs(_view)) return;
        if (view.Filter.ToQueryString() != _view.Filter.ToQueryString()) _selected.Clear();
        _view = view;
        // The URL moved on without the table (a filter change, back/forward): once the table has the new page, load
        // what the URL now says.
        _pageIndex = view.Page - 1;
        _reloadAfterRender = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender || !_reloadAfterRender) return;
        _reloadAfterRender = false;
        await _table.ReloadServerData();
    }

    private LeadListView CurrentUrlView() => LeadListView.Parse(Navigation.ToAbsoluteUri(Navigation.Uri).Query);

    private SortDirection Initial(LeadSort column) =>
        _initialView.Sort != column ? SortDirection.None : _initialView.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private async Task<TableData<LeadRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var view = _view with
        {
            Sort = Enum.TryParse<LeadSort>(state.SortLabel, ignoreCase: true, out var sort) && state.SortDirection != SortDirection.None
                ? sort : LeadSort.Updated,
            Descending = state.SortDirection != SortDirection.Ascending,
            Page = state.Page + 1,
        };
        await LoadListAsync(_loads, "lead list", async token =>
        {
            // The table cancels a load it no longer wants (a newer page or sort); LatestLoad cancels one a newer load replaced.
            using var both = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            var page = await Leads.ListAsync(await GetActorAsync(), view.Filter, view.Sort, view.Descending, state.Page * PageSize, PageSize, both.Token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
                Remember(view);
            };
        });
        // A failed load keeps the rows already shown (the failure is reported).
        return new TableData<LeadRow> { Items = _rows, TotalItems = _count };
    }

    /// <summary>Puts the view the table now shows into the address bar (replacing, so paging does not flood history).</summary>
    private void Remember(LeadListView view)
    {
        if (view.SameAs(_view) && view.SameAs(CurrentUrlView())) return;
        _view = view;
        ShowInAddress("leads", view.ToQueryString());
    }

    // A new filter starts at page 1; the table reloads when the URL comes back through OnParametersSet.
    private void OnFilterChanged(LeadFilter filter) => ShowInAddress("leads", (_view with { Filter = filter, Page = 1 }).ToQueryString());

    private bool AllOnPageSelected => _rows.Count > 0 && _rows.All(r => _selected.Contains(r.Id));

    private void SelectPage(bool on)
    {
        foreach (var row in _rows) Select(row.Id, on);
    }

    private void Select(Guid id, bool on)
    {
        if (on) _selected.Add(id);
        else _selected.Remove(id);
    }

    private async Task AssignOwnerAsync(Guid? owner)
    {
        var ids = _selected.ToList();
        var name = owner is { } id ? Owners.FirstOrDefault(o => o.Id == id)?.Name ?? "the chosen owner" : "nobody (unassigned)";
        if (await RunAsync("assign lead owner", a => Leads.AssignOwnerAsync(a, ids, owner), $"{LeadFormat.Count(ids.Count)} now belong to {name}."))
            await AfterBulkAsync(clearSelection: false);
    }

    private async Task ChangeStatusAsync(LeadStatus status)
    {
        var ids = _selected.ToList();
        if (await RunAsync("change lead status", a => Leads.ChangeStatusAsync(a, ids, status), $"{LeadFormat.Count(ids.Count)} moved to {status}."))
            await AfterBulkAsync(clearSelection: false);
    }

    private async Task DeleteSelectedAsync()
    {
        var ids = _selected.ToList();
        var what = LeadFormat.Count(ids.Count);
        if (await RunAsync("delete leads", a => Leads.DeleteManyAsync(a, ids), $"{what} deleted.",
                () => Confirmations.AskAsync("Delete leads", $"Delete {what} with their timelines? This cannot be undone.", "Delete leads")))
            await AfterBulkAsync(clearSelection: true);
    }

    private async Task AfterBulkAsync(bool clearSelection)
    {
        if (clearSelection) _selected.Clear();
        await _table.ReloadServerData();
    }

    private static MarkupString Svg(string icon) =>
        new($"<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{icon}</svg>");

    public void Dispose() => _loads.Dispose();
}
