using ChatCrm.Core.Campaigns;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>
/// A new campaign, or an existing one's edit, saved against the version loaded (a stale save offers Reload). Once an
/// email campaign's send has started only its name and notes can change; the service holds to that as well.
/// </summary>
public sealed partial class CampaignEdit
{
    [Parameter] public Guid? Id { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private CampaignInput? _input;
    private CampaignDetails? _stored;
    private bool _notFound;
    private int _formKey;
    // The schedule's two pickers, in the reader's wall clock; _input.ScheduledAt holds the instant they say.
    private DateTime? _scheduleDate;
    private TimeSpan? _scheduleTime;

    private bool SendStarted => _stored?.SendHasStarted == true;

    private string BackHref => Id is null ? "campaigns" : $"campaigns/{Id}";

    // An email campaign runs by being sent from its page, so its form offers only Draft and Scheduled.
    private IReadOnlyList<CampaignStatus> StatusChoices =>
        _input?.Channel == CampaignChannel.Email && !SendStarted ? [CampaignStatus.Draft, CampaignStatus.Scheduled] : CampaignFormat.Statuses;

    private string? StatusHint => _input?.Channel == CampaignChannel.Email && !SendStarted
        ? "An email campaign is sent from its page (Start sending), or by itself at its scheduled time."
        : null;

    private Dictionary<string, string> CheckRules(CampaignInput input) =>
        CampaignRules.Validate(input, _stored?.Status, _stored?.ScheduledAt, Time.Now);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private static readonly TimeSpan DefaultScheduleTime = TimeSpan.FromHours(9);

    private void ShowSchedule()
    {
        var local = _input?.ScheduledAt is { } at ? Time.Local(at) : (DateTime?)null;
        (_scheduleDate, _scheduleTime) = (local?.Date, local?.TimeOfDay);
    }

    private Task ScheduleDateChangedAsync(EditContext form, DateTime? date)
    {
        _scheduleDate = date;
        // A day picked without a time yet starts at 09:00 of it.
        if (date is not null && _scheduleTime is null) _scheduleTime = DefaultScheduleTime;
        return ScheduleChangedAsync(form);
    }

    private Task ScheduleTimeChangedAsync(EditContext form, TimeSpan? time)
    {
        _scheduleTime = time;
        return ScheduleChangedAsync(form);
    }

    private Task ScheduleChangedAsync(EditContext form)
    {
        if (_input is null) return Task.CompletedTask;
        _input.ScheduledAt = _scheduleDate is { } day && _scheduleTime is { } time ? Instant(day.Date + time) : null;
        form.NotifyFieldChanged(form.Field(nameof(CampaignInput.ScheduledAt)));
        return Task.CompletedTask;
    }

    // An unchanged wall-clock time keeps the stored instant (a time the clocks repeat would otherwise become its first).
    private DateTimeOffset Instant(DateTime local) =>
        _stored?.ScheduledAt is { } stored && Time.Local(stored) == local ? stored : Time.ToUtc(local);

    private static string? ScheduleError(EditContext form) =>
        form.GetValidationMessages(form.Field(nameof(CampaignInput.ScheduledAt))).FirstOrDefault();

    private async Task LoadAsync()
    {
        _formKey++;
        if (Id is not { } id)
        {
            _input = new CampaignInput { AudienceQuery = "" };
            ShowSchedule();
            return;
        }
        try
        {
            var campaign = await Campaigns.GetAsync(await GetActorAsync(), id);
            _notFound = campaign is null;
            _stored = campaign;
            _input = campaign?.ToInput();
            ShowSchedule();
        }
        catch (Exception ex)
        {
            Report(ex, "load campaign");
        }
    }

    private async Task SaveAsync()
    {
        if (_input is null) return;
        var (input, version) = (_input, _stored?.Version ?? 0);
        Guid? savedId = Id;
        var saved = await RunAsync("save campaign", async actor =>
        {
            if (Id is { } id) return await Campaigns.UpdateAsync(actor, id, version, input);
            var (result, newId) = await Campaigns.CreateAsync(actor, input);
            savedId = newId;
            return result;
        }, "Campaign saved.", reload: LoadAsync);
        if (saved && savedId is { } target) Navigation.NavigateTo($"campaigns/{target}");
    }
}
