using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Admin;

public sealed partial class Accounts : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private AdminAccountService AccountService { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private MudTable<AccountRow> _table = default!;
    private PagedResult<AccountRow> _page = new([], 0);
    private Guid _me;
    private int _roleEpoch;
    private string? _searchText;
    private string? _roleFilter;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    private int ActiveFilters => _roleFilter is null ? 0 : 1;

    protected override async Task OnInitializedAsync()
    {
        _me = (await GetActorAsync()).UserId;
    }

    // The table's own token is not passed on: LatestLoad cancels a superseded load itself, and a cancellation it did
    // not make would read as a failed load.
    private async Task<TableData<AccountRow>> LoadAsync(TableState state, CancellationToken _)
    {
        await LoadListAsync(_loads, "account list", async token =>
        {
            // The sort labels are AccountRow's property names, the ones AdminAccountService.ListAsync sorts by.
            var sortBy = state.SortDirection == SortDirection.None ? null : state.SortLabel;
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var request = new PageRequest(state.Page * state.PageSize, state.PageSize, search, sortBy, state.SortDirection == SortDirection.Descending);
            var page = await AccountService.ListAsync(await GetActorAsync(), request, _roleFilter, token);
            return () => _page = page;
        });
        return new TableData<AccountRow> { Items = _page.Items, TotalItems = _page.TotalCount };
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        // Wait for a pause in typing; each keystroke cancels the previous wait.
        if (!await _searchPause.WaitAsync()) return;
        await FirstPageAsync();
    }

    private async Task OnRoleFilterChangedAsync(string? role)
    {
        _roleFilter = role;
        await FirstPageAsync();
    }

    // Changing page loads by itself; already on the first page, the table is asked again.
    private Task FirstPageAsync()
    {
        if (_table.CurrentPage == 0) return _table.ReloadServerData();
        _table.NavigateTo(Page.First);
        return Task.CompletedTask;
    }

    private async Task ChangeRoleAsync(AccountRow row, string? role)
    {
        if (role is null || role == row.Role) return;
        var self = row.Id == _me ? " This is your own account: you will be signed out too." : "";
        await RunAsync("set role", a => AccountService.SetRoleAsync(a, row.Id, role),
            $"{row.DisplayName} is now {Article(role)} {role}. They sign in again to use the new role.",
            () => Confirmations.AskAsync("Change role",
                $"Make {row.DisplayName} {Article(role)} {role}? Their open sessions end, so they sign in again with the new role.{self}",
                "Change role", destructive: false));
        _roleEpoch++;
        await _table.ReloadServerData();
    }

    private async Task LockAsync(AccountRow row)
    {
        if (await RunAsync("lock", a => AccountService.LockAsync(a, row.Id),
                $"{row.DisplayName} is locked and signed out everywhere.",
                () => Confirmations.AskAsync("Lock account",
                    $"Lock {Who(row)}? They are signed out everywhere at once and cannot sign in until an admin unlocks the account.",
                    "Lock account")))
            await _table.ReloadServerData();
    }

    private async Task UnlockAsync(AccountRow row)
    {
        if (await RunAsync("unlock", a => AccountService.UnlockAsync(a, row.Id), $"{row.DisplayName} can sign in again."))
            await _table.ReloadServerData();
    }

    private async Task EndSessionsAsync(AccountRow row)
    {
        var self = row.Id == _me ? " This includes this browser." : "";
        if (await RunAsync("end sessions", a => AccountService.EndSessionsAsync(a, row.Id),
                $"Every session of {row.DisplayName} has ended; they sign in again.{self}",
                () => Confirmations.AskAsync("End sessions",
                    $"Sign {Who(row)} out on every device? Their open pages close within moments; they can sign in again.{self}",
                    "End sessions")))
            await _table.ReloadServerData();
    }

    private async Task DeleteAsync(AccountRow row)
    {
        if (await RunAsync("delete", a => AccountService.DeleteAsync(a, row.Id), $"{row.DisplayName}'s account is deleted.",
                () => Confirmations.AskAsync("Delete account",
                    $"Delete {Who(row)}? Their sessions end at once. Their chat messages stay, shown as \"Deleted user\". " +
                    "Leads, tickets and other records they own move to you. This cannot be undone.",
                    "Delete account")))
            await _table.ReloadServerData();
    }

    private static string Who(AccountRow row) => row.Email is null ? row.DisplayName : $"{row.DisplayName} ({row.Email})";

    private static string Article(string role) => role is Roles.Admin or Roles.Agent ? "an" : "a";

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
