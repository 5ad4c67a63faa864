using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Leads;

public sealed partial class LeadList : IDisposable
{
    private const int PageSize = 25;

    private static readonly Dictionary<string, LeadSort> SortColumns = new(StringComparer.Ordinal)
    {
        [nameof(LeadRow.Name)] = LeadSort.Name,
        [nameof(LeadRow.Company)] = LeadSort.Company,
        [nameof(LeadRow.Status)] = LeadSort.Status,
        [nameof(LeadRow.CreatedAt)] = LeadSort.Created,
        [nameof(LeadRow.UpdatedAt)] = LeadSort.Updated,
    };

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    // The list also keeps its sort and page in the address (LeadListView).
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Direction { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageNumber { get; set; }

    private RadzenDataGrid<LeadRow> _grid = default!;
    private LeadListView _view = new(new LeadFilter());
    // The sort the columns start with; later sorting is the grid's own, reported through LoadData.
    private LeadListView _initialView = new(new LeadFilter());
    private IReadOnlyList<LeadRow>? _rows;
    private int _count;
    private bool _gridReady;
    private readonly HashSet<Guid> _selected = [];
    private readonly LatestLoad _loads = new();

    protected override async Task OnInitializedAsync()
    {
        _view = _initialView = CurrentUrlView();
        await LoadPickersAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        var view = CurrentUrlView();
        if (view.SameAs(_view)) return;
        if (view.Filter.ToQueryString() != _view.Filter.ToQueryString()) _selected.Clear();
        _view = view;
        // The URL moved on without the grid (a filter change, back/forward): load what it now says.
        if (_gridReady) await _grid.GoToPage(view.Page - 1, forceReload: true);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _gridReady = true;
        // A bookmarked page number: the grid always starts on the first page, so move it there once.
        if (_view.Page > 1) await _grid.GoToPage(_view.Page - 1, forceReload: true);
    }

    private LeadListView CurrentUrlView() => LeadListView.Parse(Navigation.ToAbsoluteUri(Navigation.Uri).Query);

    private SortOrder? SortOf(LeadSort column) =>
        _initialView.Sort == column ? (_initialView.Descending ? SortOrder.Descending : SortOrder.Ascending) : null;

    private async Task LoadAsync(LoadDataArgs args)
    {
        await LoadListAsync(_loads, "lead list", async token =>
        {
            var sorted = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null && SortColumns.ContainsKey(s.Property));
            var view = _view with
            {
                Sort = sorted?.Property is { } property ? SortColumns[property] : LeadSort.Updated,
                Descending = sorted is null || sorted.SortOrder == SortOrder.Descending,
                Page = (args.Skip ?? 0) / PageSize + 1,
            };
            // The first load of a bookmarked later page is replaced by the GoToPage made after the first render.
            if (!_gridReady && _view.Page > 1) return () => { };
            var page = await Leads.ListAsync(await GetActorAsync(), view.Filter, view.Sort, view.Descending, args.Skip ?? 0, args.Top ?? PageSize, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
                Remember(view);
            };
        });
    }

    /// <summary>Puts the view the grid now shows into the address bar (replacing, so paging does not flood history).</summary>
    private void Remember(LeadListView view)
    {
        if (view.SameAs(_view) && view.SameAs(CurrentUrlView())) return;
        _view = view;
        Navigation.NavigateTo(LeadListView.Url("leads", view.ToQueryString()), replace: true);
    }

    private void OnFilterChanged(LeadFilter filter)
    {
        // A new filter starts at page 1; the grid reloads when the URL comes back through OnParametersSet.
        Navigation.NavigateTo(LeadListView.Url("leads", (_view with { Filter = filter, Page = 1 }).ToQueryString()), replace: true);
    }

    private bool AllOnPageSelected => _rows is { Count: > 0 } rows && rows.All(r => _selected.Contains(r.Id));

    private void SelectPage(bool on)
    {
        foreach (var row in _rows ?? [])
        {
            if (on) _selected.Add(row.Id);
            else _selected.Remove(row.Id);
        }
    }

    private void Select(LeadRow row, bool on)
    {
        if (on) _selected.Add(row.Id);
        else _selected.Remove(row.Id);
    }

    private async Task AssignOwnerAsync(Guid? owner)
    {
        var ids = _selected.ToList();
        var name = owner is { } id ? Owners.FirstOrDefault(o => o.Id == id)?.Name ?? "the chosen owner" : "nobody (unassigned)";
        if (await RunAsync("assign lead owner", a => Leads.AssignOwnerAsync(a, ids, owner), $"{LeadCount(ids.Count)} now belong to {name}."))
            await AfterBulkAsync(clearSelection: false);
    }

    private async Task ChangeStatusAsync(LeadStatus status)
    {
        var ids = _selected.ToList();
        if (await RunAsync("change lead status", a => Leads.ChangeStatusAsync(a, ids, status), $"{LeadCount(ids.Count)} moved to {status}."))
            await AfterBulkAsync(clearSelection: false);
    }

    private async Task DeleteSelectedAsync()
    {
        var ids = _selected.ToList();
        if (await RunAsync("delete leads", a => Leads.DeleteManyAsync(a, ids), $"{LeadCount(ids.Count)} deleted.",
                async () => await Dialogs.Confirm($"Delete {LeadCount(ids.Count)} with their timelines? This cannot be undone.",
                    "Delete leads", new ConfirmOptions { OkButtonText = "Delete", CancelButtonText = "Cancel", CloseDialogOnEsc = true }) == true))
            await AfterBulkAsync(clearSelection: true);
    }

    private async Task AfterBulkAsync(bool clearSelection)
    {
        if (clearSelection) _selected.Clear();
        await _grid.Reload();
    }

    private static string LeadCount(int count) => count == 1 ? "1 lead" : $"{count} leads";

    public void Dispose() => _loads.Dispose();
}
