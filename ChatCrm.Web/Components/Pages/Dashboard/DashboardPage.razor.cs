using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Tickets;
using ChatCrm.Core.Accounts;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>
/// The first page after sign-in. It loads once the circuit is live (the prerendered page shows a spinner), so the
/// queries run once; "today" is the person's today (the reader's clock).
/// </summary>
public sealed partial class DashboardPage
{
    /// <summary>The signed-in person, loaded once by MainLayout for the header and shared with the pages.</summary>
    [CascadingParameter]
    private ProfileView? Me { get; set; }

    private DashboardView? _view;
    private bool _loading = true;
    private CancellationTokenSource? _load;

    private string Greeting => Me is null ? "Welcome" : $"Welcome, {Me.DisplayName}";

    private int Done => _view is null ? 0 : _view.Tickets.ByStatus[TicketStatus.Resolved] + _view.Tickets.ByStatus[TicketStatus.Closed];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        // A newer load (a second click on Refresh) wins; the older one's result is dropped.
        if (_load is not null) await _load.CancelAsync();
        _load?.Dispose();
        _load = new CancellationTokenSource();
        var token = _load.Token;
        _loading = true;
        Message = null;
        StateHasChanged();
        try
        {
            var view = await Dashboard.GetAsync(await GetActorAsync(), Time.Format, token);
            if (token.IsCancellationRequested) return;
            _view = view;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load the dashboard");
            Show(AlertStyle.Danger, "The dashboard could not be loaded. Please try Refresh.");
        }
        _loading = false;
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_load is null) return;
        await _load.CancelAsync();
        _load.Dispose();
    }

}
