using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>
/// An email campaign's sending: preview, a test to oneself, the start (confirmed), and while it runs a progress bar
/// polled every 1.5 s with the per-recipient list. The poll stops when the send is done or the page closes.
/// </summary>
public sealed partial class CampaignSendPanel
{
    private const int PageSize = 20;
    private const string PreviewName = "Ann Example";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1500);
    private static readonly IReadOnlyList<RecipientStatus> RecipientStatuses = Enum.GetValues<RecipientStatus>();

    [Parameter, EditorRequired] public CampaignDetails Campaign { get; set; } = default!;

    /// <summary>Raised when the campaign itself changed (a send started or finished), so the page reloads it.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private CampaignSendService Sending { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    private EmailMessage? _preview;
    private CampaignProgress? _progress;
    private RadzenDataGrid<RecipientRow>? _grid;
    private IReadOnlyList<RecipientRow>? _rows;
    private int _count;
    private bool _loadingRows;
    private string? _search;
    private RecipientStatus? _statusFilter;
    private CancellationTokenSource? _pendingSearch;
    private readonly CancellationTokenSource _disposed = new();
    private Task? _polling;

    private bool CanStart => Campaign.Status is CampaignStatus.Draft or CampaignStatus.Scheduled && Campaign.SendStartedAt is null;

    protected override async Task OnParametersSetAsync()
    {
        _preview = string.IsNullOrWhiteSpace(Campaign.Subject) || string.IsNullOrWhiteSpace(Campaign.Body)
            ? null
            : CampaignMail.Render("preview@example.com", Campaign.Subject, Campaign.Body, PreviewName, "#unsubscribe");
        await RefreshProgressAsync();
        if (Campaign.Status == CampaignStatus.Running && _polling is null) _polling = PollAsync();
    }

    /// <summary>Polls while the send runs; a PeriodicTimer tied to the component, cancelled on dispose.</summary>
    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshProgressAsync();
                    if (_grid is not null) await _grid.Reload();
                    StateHasChanged();
                });
                if (_progress?.Status != CampaignStatus.Running)
                {
                    await InvokeAsync(() => OnChanged.InvokeAsync());
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (Exception ex)
        {
            // Polling is a convenience; the page still works after a reload.
            ActionLog.ActionFailed(Logger, ex, "poll campaign progress");
        }
        finally
        {
            _polling = null;
        }
    }

    private async Task RefreshProgressAsync()
    {
        try
        {
            _progress = await Sending.GetProgressAsync(await GetActorAsync(), Campaign.Id, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ActionLog.ActionFailed(Logger, ex, "load campaign progress");
            Show(AlertStyle.Danger, "The send progress could not be loaded. Please reload the page.");
        }
    }

    private async Task SendTestAsync() =>
        await RunAsync("send campaign test", a => Sending.SendTestAsync(a, Campaign.Id), "A test mail is on its way to your own address.");

    private async Task StartAsync()
    {
        var started = await RunAsync("start campaign send", a => Sending.StartSendAsync(a, Campaign.Id, Campaign.Version),
            "Sending has started. You can leave this page; it goes on in the background.",
            confirm: async () => await Dialogs.Confirm(
                "Send this mail to everyone in the audience now (people who unsubscribed are left out)? A send cannot be stopped or repeated.",
                "Start sending", new ConfirmOptions { OkButtonText = "Start sending", CancelButtonText = "Cancel", Width = "min(32rem, 95vw)", CloseDialogOnEsc = true }) == true,
            reload: () => OnChanged.InvokeAsync());
        if (started) await OnChanged.InvokeAsync();
    }

    private async Task LoadRecipientsAsync(LoadDataArgs args)
    {
        _loadingRows = true;
        try
        {
            var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
            var request = new PageRequest(args.Skip ?? 0, args.Top ?? PageSize, _search, sort?.Property, sort?.SortOrder == SortOrder.Descending);
            var page = await Sending.ListRecipientsAsync(await GetActorAsync(), Campaign.Id, request, _statusFilter, _disposed.Token);
            _rows = page.Items;
            _count = page.TotalCount;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ActionLog.ActionFailed(Logger, ex, "load campaign recipients");
            Show(AlertStyle.Danger, "The recipient list could not be loaded. Please try again.");
        }
        finally
        {
            _loadingRows = false;
        }
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        var pending = _pendingSearch = new CancellationTokenSource();
        try
        {
            await Task.Delay(300, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private async Task OnStatusFilterAsync(RecipientStatus? status)
    {
        _statusFilter = status;
        if (_grid is not null) await _grid.FirstPage(true);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        if (_polling is { } polling)
        {
            try
            {
                await polling;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _disposed.Dispose();
    }
}
