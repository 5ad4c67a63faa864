using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Pages.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Tickets;

/// <summary>
/// The ticket list: a Client sees their own tickets, staff the whole queue. Everything (filter, search, sort, paging)
/// runs in the query; <see cref="TicketService"/> decides what each person may see.
/// </summary>
public sealed partial class TicketList : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    // The assignee dropdown's fixed choices; a person's choice is their id.
    private const string AnyoneChoice = "anyone";
    private const string MineChoice = "mine";
    private const string UnassignedChoice = "unassigned";

    private static readonly IReadOnlyList<Choice<TicketStatus>> StatusChoices =
        TicketFormat.Statuses.Select(s => new Choice<TicketStatus>(s, TicketText.Status(s))).ToList();

    [Inject] private TicketService Tickets { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    // Starting filters from the address, so the dashboard's numbers open the list they count
    // (/tickets?overdue=true, ?priority=High, ?status=Open).
    [SupplyParameterFromQuery(Name = "overdue")] private bool? OverdueQuery { get; set; }

    [SupplyParameterFromQuery(Name = "priority")] private string? PriorityQuery { get; set; }

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }

    private RadzenDataGrid<TicketRow> _grid = default!;
    // Null until the first load: the grid asks LoadData for rows only while it has none.
    private IReadOnlyList<TicketRow>? _rows;
    private int _count;
    private bool _isStaff;
    private DateTimeOffset _now;
    private readonly IReadOnlyList<Choice<TicketStatus>> _statusChoices = StatusChoices;
    private List<Choice<string>> _assigneeChoices = [];
    private string? _searchText;
    private IEnumerable<TicketStatus> _statuses = [];
    private TicketPriority? _priority;
    private string _assignee = AnyoneChoice;
    private bool _overdueOnly;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    protected override async Task OnInitializedAsync()
    {
        _now = Time.Now;
        _overdueOnly = OverdueQuery == true;
        if (Enum.TryParse<TicketPriority>(PriorityQuery, ignoreCase: true, out var priority) && Enum.IsDefined(priority)) _priority = priority;
        if (Enum.TryParse<TicketStatus>(StatusQuery, ignoreCase: true, out var status) && Enum.IsDefined(status)) _statuses = [status];
        var actor = await GetActorAsync();
        _isStaff = actor.IsStaff;
        if (!_isStaff) return;
        _assigneeChoices = [new(AnyoneChoice, "Anyone"), new(MineChoice, "Assigned to me"), new(UnassignedChoice, "Unassigned")];
        try
        {
            _assigneeChoices.AddRange((await Tickets.AssigneesAsync(actor)).Where(a => a.Id != actor.UserId).Select(a => new Choice<string>(a.Id.ToString(), a.Name)));
        }
        catch (Exception ex)
        {
            // The list works without the per-person choices; say so rather than break the page.
            ActionLog.ActionFailed(Logger, ex, "load assignees");
            Show(AlertStyle.Warning, "The list of agents could not be loaded; filtering by a person is unavailable.");
        }
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        await LoadListAsync(_loads, "ticket list", async token =>
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null);
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, null, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await Tickets.ListAsync(await GetActorAsync(), BuildFilter(), request, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
                _now = Time.Now;
            };
        });
    }

    private TicketFilter BuildFilter()
    {
        var (assignee, person) = _assignee switch
        {
            MineChoice => (TicketAssigneeFilter.Mine, (Guid?)null),
            UnassignedChoice => (TicketAssigneeFilter.Unassigned, null),
            _ when Guid.TryParse(_assignee, out var id) => (TicketAssigneeFilter.Person, id),
            _ => (TicketAssigneeFilter.Anyone, null),
        };
        return new TicketFilter
        {
            Search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim(),
            Statuses = _statuses.ToList(),
            Priority = _priority,
            Assignee = assignee,
            AssigneeId = person,
            OverdueOnly = _overdueOnly,
        };
    }

    private static void OnRowRender(RowRenderEventArgs<TicketRow> args)
    {
        if (args.Data is { IsOverdue: true }) args.Attributes["class"] = "ticket-overdue";
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _searchPause.WaitAsync()) return;
        await _grid.FirstPage(true);
    }

    private async Task OnStatusesChangedAsync(IEnumerable<TicketStatus>? statuses)
    {
        _statuses = statuses?.ToList() ?? [];
        await _grid.FirstPage(true);
    }

    private async Task OnPriorityChangedAsync(TicketPriority? priority)
    {
        _priority = priority;
        await _grid.FirstPage(true);
    }

    private async Task OnAssigneeChangedAsync(string? assignee)
    {
        _assignee = assignee ?? AnyoneChoice;
        await _grid.FirstPage(true);
    }

    private async Task OnOverdueChangedAsync(bool overdueOnly)
    {
        _overdueOnly = overdueOnly;
        await _grid.FirstPage(true);
    }

    private Task RefreshAsync() => _grid.Reload();

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
