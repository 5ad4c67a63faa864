using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>
/// An email campaign's sending: preview, a test to oneself, the start (confirmed), and while it runs a progress bar
/// polled every 1.5 s with the per-recipient list. The poll stops when the send is done or the page closes.
/// </summary>
public sealed partial class CampaignSendPanel
{
    private const string PreviewName = "Ann Example";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1500);

    [Parameter, EditorRequired] public CampaignDetails Campaign { get; set; } = default!;

    /// <summary>Raised when the campaign itself changed (a send started or finished), so the page reloads it.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private CampaignSendService Sending { get; set; } = default!;

    private EmailMessage? _preview;
    private CampaignProgress? _progress;
    private CampaignRecipients? _recipients;
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
                    if (_recipients is not null) await _recipients.ReloadAsync();
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
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load campaign progress");
            Outcomes.Refused("The send progress could not be loaded. Please reload the page.");
        }
    }

    private async Task SendTestAsync() =>
        await RunAsync("send campaign test", a => Sending.SendTestAsync(a, Campaign.Id), "A test mail is on its way to your own address.");

    private async Task StartAsync()
    {
        var started = await RunAsync("start campaign send", a => Sending.StartSendAsync(a, Campaign.Id, Campaign.Version),
            "Sending has started. You can leave this page; it goes on in the background.",
            confirm: () => Confirmations.AskAsync("Start sending?",
                "Send this mail to everyone in the audience now (people who unsubscribed are left out)? A send cannot be stopped or repeated.",
                "Start sending"),
            reload: () => OnChanged.InvokeAsync());
        if (started) await OnChanged.InvokeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
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
