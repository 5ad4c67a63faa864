using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>The mail queue's state for admins: counts by state, a page of mails (never their bodies), and retrying failed mail.</summary>
public sealed partial class OutgoingMail : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private MailOutboxAdmin Outbox { get; set; } = default!;

    private MudTable<OutboxRow> _table = default!;
    private PagedResult<OutboxRow> _page = new([], 0);
    private IReadOnlyDictionary<OutboxStatus, int> _counts = new Dictionary<OutboxStatus, int>();
    private string? _searchText;
    private OutboxStatus? _statusFilter;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    private int ActiveFilters => _statusFilter is null ? 0 : 1;

    // The table's own token is not passed on: LatestLoad cancels a superseded load itself, and a cancellation it did
    // not make would read as a failed load.
    private async Task<TableData<OutboxRow>> LoadAsync(TableState state, CancellationToken _)
    {
        await LoadListAsync(_loads, "mail queue", async token =>
        {
            var actor = await GetActorAsync();
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var page = await Outbox.ListAsync(actor, _statusFilter, new PageRequest(state.Page * state.PageSize, state.PageSize, search), token);
            var counts = await Outbox.CountsAsync(actor, token);
            return () =>
            {
                _page = page;
                _counts = counts;
            };
        });
        // The counts above the table belong to this page, which the table's own load does not re-render.
        StateHasChanged();
        return new TableData<OutboxRow> { Items = _page.Items, TotalItems = _page.TotalCount };
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _searchPause.WaitAsync()) return;
        await FirstPageAsync();
    }

    private async Task OnStatusFilterChangedAsync(OutboxStatus? status)
    {
        _statusFilter = status;
        await FirstPageAsync();
    }

    // Changing page loads by itself; already on the first page, the table is asked again.
    private Task FirstPageAsync()
    {
        if (_table.CurrentPage == 0) return _table.ReloadServerData();
        _table.NavigateTo(Page.First);
        return Task.CompletedTask;
    }

    private async Task RetryAsync(OutboxRow row)
    {
        if (await RunAsync("retry mail", a => Outbox.RetryAsync(a, row.Id), $"The mail to {row.To} is queued again."))
            await _table.ReloadServerData();
    }

    private async Task RetryAllAsync()
    {
        var retried = 0;
        if (await RunAsync("retry failed mail", async a =>
            {
                retried = await Outbox.RetryAllFailedAsync(a);
                return Result.Ok();
            }, successText: null))
        {
            Outcomes.Succeeded(retried == 1 ? "1 failed mail is queued again." : $"{retried} failed mails are queued again.");
            await _table.ReloadServerData();
        }
    }

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
