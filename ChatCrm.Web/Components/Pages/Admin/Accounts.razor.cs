using ChatCrm.Web.Components.Pages.Common;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Admin;

public sealed partial class Accounts : IDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    // The columns AdminAccountService.ListAsync knows how to sort; anything else falls back to its default (newest).
    private static readonly HashSet<string> SortableColumns =
        [nameof(AccountRow.DisplayName), nameof(AccountRow.Email), nameof(AccountRow.UserName), nameof(AccountRow.CreatedAt)];

    [Inject] private AdminAccountService AccountService { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private RadzenDataGrid<AccountRow> _grid = default!;
    // Null until the first load: the grid asks LoadData for rows only while it has none.
    private IReadOnlyList<AccountRow>? _rows;
    private int _count;
    private Guid _me;
    private int _roleEpoch;
    private string? _searchText;
    private string? _roleFilter;
    private readonly LatestLoad _loads = new();
    private readonly Debouncer _searchPause = new(SearchDelay);

    protected override async Task OnInitializedAsync()
    {
        _me = (await GetActorAsync()).UserId;
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        await LoadListAsync(_loads, "account list", async token =>
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null && s.Property is not null && SortableColumns.Contains(s.Property));
            var search = string.IsNullOrWhiteSpace(_searchText) ? null : _searchText.Trim();
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, search, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await AccountService.ListAsync(await GetActorAsync(), request, _roleFilter, token);
            return () =>
            {
                _rows = page.Items;
                _count = page.TotalCount;
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

    private async Task OnRoleFilterChangedAsync(string? role)
    {
        _roleFilter = role;
        await _grid.FirstPage(true);
    }

    private async Task ChangeRoleAsync(AccountRow row, string role)
    {
        if (role == row.Role) return;
        var self = row.Id == _me ? " This is your own account: you will be signed out too." : "";
        await RunAsync("set role", a => AccountService.SetRoleAsync(a, row.Id, role),
            $"{row.DisplayName} is now {Article(role)} {role}. They sign in again to use the new role.",
            () => ConfirmAsync("Change role",
                $"Make {row.DisplayName} {Article(role)} {role}? Their open sessions end, so they sign in again with the new role.{self}",
                "Change role"));
        _roleEpoch++;
        await _grid.Reload();
    }

    private async Task LockAsync(AccountRow row)
    {
        if (await RunAsync("lock", a => AccountService.LockAsync(a, row.Id),
                $"{row.DisplayName} is locked and signed out everywhere."))
            await _grid.Reload();
    }

    private async Task UnlockAsync(AccountRow row)
    {
        if (await RunAsync("unlock", a => AccountService.UnlockAsync(a, row.Id), $"{row.DisplayName} can sign in again."))
            await _grid.Reload();
    }

    private async Task EndSessionsAsync(AccountRow row)
    {
        var self = row.Id == _me ? " This includes this browser." : "";
        if (await RunAsync("end sessions", a => AccountService.EndSessionsAsync(a, row.Id),
                $"Every session of {row.DisplayName} has ended; they sign in again.{self}"))
            await _grid.Reload();
    }

    private async Task DeleteAsync(AccountRow row)
    {
        var who = row.Email is null ? row.DisplayName : $"{row.DisplayName} ({row.Email})";
        if (await RunAsync("delete", a => AccountService.DeleteAsync(a, row.Id), $"{row.DisplayName}'s account is deleted.",
                () => ConfirmAsync("Delete account",
                    $"Delete {who}? Their sessions end at once. Their chat messages stay, shown as \"Deleted user\". " +
                    "Leads, tickets and other records they own move to you. This cannot be undone.",
                    "Delete account")))
            await _grid.Reload();
    }

    private async Task<bool> ConfirmAsync(string title, string text, string okText) =>
        await Dialogs.Confirm(text, title, new ConfirmOptions
        {
            OkButtonText = okText,
            CancelButtonText = "Cancel",
            Width = "min(32rem, 95vw)",
            CloseDialogOnEsc = true,
        }) == true;

    private static string Article(string role) => role is Roles.Admin or Roles.Agent ? "an" : "a";

    public void Dispose()
    {
        _loads.Dispose();
        _searchPause.Dispose();
    }
}
