using System.Globalization;
using ChatCrm.Core.Campaigns;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>
/// A new campaign, or an existing one's edit, saved against the version loaded (a stale save offers Reload). Once an
/// email campaign's send has started only its name and notes can change; the service holds to that as well.
/// </summary>
public sealed partial class CampaignEdit
{
    /// <summary>The schedule as a browser's date-and-time box writes it, read as UTC (the label says so).</summary>
    private static readonly IReversibleConverter<DateTimeOffset?, string> UtcMinutes = Conversions.From<DateTimeOffset?, string>(
        value => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? "",
        text => DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null);

    [Parameter] public Guid? Id { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private CampaignInput? _input;
    private CampaignDetails? _stored;
    private bool _notFound;
    private int _formKey;

    private bool SendStarted => _stored?.SendHasStarted == true;

    private string BackHref => Id is null ? "campaigns" : $"campaigns/{Id}";

    // An email campaign runs by being sent from its page, so its form offers only Draft and Scheduled.
    private IReadOnlyList<CampaignStatus> StatusChoices =>
        _input?.Channel == CampaignChannel.Email && !SendStarted ? [CampaignStatus.Draft, CampaignStatus.Scheduled] : CampaignFormat.Statuses;

    private string? StatusHint => _input?.Channel == CampaignChannel.Email && !SendStarted
        ? "An email campaign is sent from its page (Start sending), or by itself at its scheduled time."
        : null;

    private Dictionary<string, string> CheckRules(CampaignInput input) =>
        CampaignRules.Validate(input, _stored?.Status, _stored?.ScheduledAt, Clock.GetUtcNow());

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _formKey++;
        if (Id is not { } id)
        {
            _input = new CampaignInput { AudienceQuery = "" };
            return;
        }
        try
        {
            var campaign = await Campaigns.GetAsync(await GetActorAsync(), id);
            _notFound = campaign is null;
            _stored = campaign;
            _input = campaign?.ToInput();
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
