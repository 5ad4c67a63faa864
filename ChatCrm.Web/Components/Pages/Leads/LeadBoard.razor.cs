using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>The pipeline: a column per status; dragging a card (or its "Move" button) changes the lead's status.</summary>
public sealed partial class LeadBoard
{
    private const int CardsPerColumn = 30;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private LeadFilter _filter = new();
    private string? _shownQuery;
    private IReadOnlyList<LeadBoardColumn>? _columns;
    private LeadCard? _dragged;
    private bool _loading;

    protected override Task OnInitializedAsync() => LoadPickersAsync();

    protected override async Task OnParametersSetAsync()
    {
        var filter = LeadFilter.Parse(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        if (filter.ToQueryString() == _shownQuery) return;
        _shownQuery = filter.ToQueryString();
        _filter = filter;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _columns = await Leads.BoardAsync(await GetActorAsync(), _filter, CardsPerColumn);
        }
        catch (ForbiddenException)
        {
            _columns = [];
            Show(AlertStyle.Danger, ForbiddenText);
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load lead board");
            Show(AlertStyle.Danger, "The board could not be loaded. Please try again.");
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        // Called from PageMessageAlert's Reload button, whose click re-renders only the alert.
        StateHasChanged();
    }

    private void OnFilterChanged(LeadFilter filter) =>
        Navigation.NavigateTo(LeadListView.Url("leads/board", filter.ToQueryString()), replace: true);

    private async Task DropAsync(LeadStatus to)
    {
        var card = _dragged;
        _dragged = null;
        if (card is not null) await MoveAsync(card, to);
    }

    private async Task MoveAsync(LeadCard card, LeadStatus to)
    {
        var from = _columns?.FirstOrDefault(c => c.Cards.Any(x => x.Id == card.Id))?.Status;
        if (from == to) return;
        await RunAsync("move lead", a => Leads.MoveAsync(a, card.Id, to, card.Version), $"{card.Name} moved to {to}.", reload: ReloadAsync);
        // Success or not (a conflict, a deleted lead), the board shows what is stored now.
        await LoadAsync();
    }
}
