using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>
/// The ticket list: a Client sees their own tickets, staff the whole queue. Everything (filter, search, sort, paging)
/// runs in the query; <see cref="TicketService"/> decides what each person may see.
/// </summary>
public sealed partial class TicketList : IDisposable
{
    private const int PageSize = 25;

    private static readonly Dictionary<string, object?> TableAttributes = new() { ["aria-label"] = "Tickets" };

    [Inject] private TicketService Tickets { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    // Starting filters from the address, so the dashboard's numbers open the list they count
    // (/tickets?overdue=true, ?priority=High, ?status=Open).
    [SupplyParameterFromQuery(Name = "overdue")] private bool? OverdueQuery { get; set; }

    [SupplyParameterFromQuery(Name = "priority")] private string? PriorityQuery { get; set; }

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }

    private MudTable<TicketRow> _table = default!;
    private TableData<TicketRow> _shown = new() { Items = [], TotalItems = 0 };
    private TicketListFilter _filter = new();
    private IReadOnlyList<TicketAssignee> _people = [];
    private bool _isStaff;
    private DateTimeOffset _now;
    private readonly LatestLoad _loads = new();

    protected override async Task OnInitializedAsync()
    {
        _now = Time.Now;
        _filter = TicketListFilter.FromQuery(OverdueQuery, PriorityQuery, StatusQuery);
        var actor = await GetActorAsync();
        _isStaff = actor.IsStaff;
        if (!_isStaff) return;
        try
        {
            _people = (await Tickets.AssigneesAsync(actor)).Where(a => a.Id != actor.UserId).ToList();
        }
        catch (Exception ex)
        {
            // The list works without the per-person choices; say so rather than break the page.
            ActionLog.ActionFailed(Logger, ex, "load assignees");
            Outcomes.Warned("The list of agents could not be loaded; filtering by a person is unavailable.");
        }
    }

    /// <summary>MudTable's server data. A load that a newer one overtook keeps what is shown; a failure is reported.</summary>
    private async Task<TableData<TicketRow>> LoadAsync(TableState state, CancellationToken _)
    {
        await LoadListAsync(_loads, "ticket list", async token =>
        {
            var request = new PageRequest(state.Page * state.PageSize, state.PageSize, null,
                state.SortDirection == SortDirection.None ? null : state.SortLabel, state.SortDirection == SortDirection.Descending);
            var page = await Tickets.ListAsync(await GetActorAsync(), _filter.ToFilter(), request, token);
            return () =>
            {
                _shown = new TableData<TicketRow> { Items = page.Items, TotalItems = page.TotalCount };
                _now = Time.Now;
            };
        });
        return _shown;
    }

    private static string RowClass(TicketRow row, int index) => row.IsOverdue ? "list-row ticket-row ticket-overdue" : "list-row ticket-row";

    /// <summary>After a filter changed: the first page, loaded once (moving to it loads it by itself).</summary>
    private async Task FirstPageAsync()
    {
        if (_table.CurrentPage == 0) await _table.ReloadServerData();
        else _table.NavigateTo(Page.First);
    }

    private Task RefreshAsync() => _table.ReloadServerData();

    public void Dispose() => _loads.Dispose();
}
