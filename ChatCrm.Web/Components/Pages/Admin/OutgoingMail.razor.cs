using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>The mail queue's state for admins: counts by state, a page of mails (never their bodies), and retrying failed mail.</summary>
public sealed partial class OutgoingMail : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private MailOutboxAdmin Outbox { get; set; } = default!;

    private RadzenDataGrid<OutboxRow> _grid = default!;
    // Null until the first load: the grid asks LoadData for rows only while it has none.
    private IReadOnlyList<OutboxRow>? _rows;
    private int _count;
    private IReadOnlyDictionary<OutboxStatus, int> _counts = new Dictionary<OutboxStatus, int>();
    private string? _searchText;
    private OutboxStatus? _statusFilter;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    private async Task LoadAsync(LoadDataArgs args)
    {
        await LoadListAsync(_loads, "mail queue", async token =>
        {
            var actor = await GetActorAsync();
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var page = await Outbox.ListAsync(actor, _statusFilter, new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, search), token);
            var counts = await Outbox.CountsAsync(actor, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
                _counts = counts;
            };
        });
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _searchPause.WaitAsync()) return;
        await _grid.FirstPage(true);
    }

    private async Task OnStatusFilterChangedAsync(OutboxStatus? status)
    {
        _statusFilter = status;
        await _grid.FirstPage(true);
    }

    private async Task RetryAsync(OutboxRow row)
    {
        if (await RunAsync("retry mail", a => Outbox.RetryAsync(a, row.Id), $"The mail to {row.To} is queued again."))
            await _grid.Reload();
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
            Show(AlertStyle.Success, retried == 1 ? "1 failed mail is queued again." : $"{retried} failed mails are queued again.");
            await _grid.Reload();
        }
    }

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
