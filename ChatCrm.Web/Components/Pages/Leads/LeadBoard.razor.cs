using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Shared;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>The pipeline: a column per status; dragging a card (or its "Move" button) changes the lead's status.</summary>
public sealed partial class LeadBoard : IDisposable
{
    private const int CardsPerColumn = 30;

    private MudDropContainer<BoardItem>? _container;
    private LeadFilter _filter = new();
    private string? _shownQuery;
    private LeadBoardModel? _board;
    private readonly LatestLoad _loads = new();

    protected override Task OnInitializedAsync() => LoadPickersAsync();

    protected override async Task OnParametersSetAsync()
    {
        var filter = LeadFilter.Parse(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        if (filter.ToQueryString() == _shownQuery) return;
        _shownQuery = filter.ToQueryString();
        _filter = filter;
        await LoadAsync();
    }

    private Task LoadAsync() => LoadListAsync(_loads, "lead board", async token =>
    {
        var columns = await Leads.BoardAsync(await GetActorAsync(), _filter, CardsPerColumn, token);
        return () =>
        {
            _board = new LeadBoardModel(columns);
            _container?.Refresh();
        };
    });

    private void OnFilterChanged(LeadFilter filter) => ShowInAddress("leads/board", filter.ToQueryString());

    private Task DroppedAsync(MudItemDropInfo<BoardItem> drop) =>
        Enum.TryParse<LeadStatus>(drop.DropzoneIdentifier, out var to) ? MoveAsync(drop.Item!.Card, to) : Task.CompletedTask;

    private async Task MoveAsync(LeadCard card, LeadStatus to)
    {
        if (_board?.Move(card.Id, to) is null) return;
        _container?.Refresh();
        await RunAsync("move lead", a => Leads.MoveAsync(a, card.Id, to, card.Version), $"{card.Name} moved to {to}.", reload: LoadAsync);
        // Success or not (a conflict, a deleted lead), the board shows what is stored now.
        await LoadAsync();
    }

    public void Dispose() => _loads.Dispose();
}
