using ChatCrm.Core.Accounts;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

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
    private bool _loadedOnce;
    // A second click on Refresh, or leaving the page, cancels the load under way.
    private readonly LatestLoad _loads = new();

    private string Greeting => Me is null ? "Welcome" : $"Welcome, {Me.DisplayName}";

    private int Done => _view is null ? 0 : _view.Tickets.ByStatus[TicketStatus.Resolved] + _view.Tickets.ByStatus[TicketStatus.Closed];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var loading = LoadListAsync(_loads, "dashboard", async token =>
        {
            var view = await Dashboard.GetAsync(await GetActorAsync(), Time.Format, token);
            return () => _view = view;
        });
        // Show the spinner and the busy Refresh button while it loads.
        StateHasChanged();
        await loading;
        _loadedOnce = true;
        StateHasChanged();
    }

    public ValueTask DisposeAsync()
    {
        _loads.Dispose();
        return ValueTask.CompletedTask;
    }
}
