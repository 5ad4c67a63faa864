using ChatCrm.Core.Campaigns;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>One campaign: its facts and results, and either the email send panel or the hand-entered results form.</summary>
public sealed partial class CampaignDetail
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private CampaignDetails? _campaign;
    private int? _audienceCount;
    private bool _notFound;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        try
        {
            var actor = await GetActorAsync();
            _campaign = await Campaigns.GetAsync(actor, Id);
            _notFound = _campaign is null;
            if (_campaign is { } c) _audienceCount = await Campaigns.CountAudienceAsync(actor, c.AudienceQuery, c.Channel);
        }
        catch (Exception ex)
        {
            Report(ex, "load campaign");
        }
    }

    private async Task DeleteAsync()
    {
        if (_campaign is not { } c) return;
        var deleted = await RunAsync("delete campaign", a => Campaigns.DeleteAsync(a, c.Id, c.Version), $"The campaign \"{c.Name}\" is deleted.",
            confirm: () => Confirmations.AskAsync("Delete campaign?",
                $"Delete the campaign \"{c.Name}\" with its results and recipient list? This cannot be undone.", "Delete campaign"),
            reload: ReloadAsync);
        if (deleted) Navigation.NavigateTo("campaigns");
    }
}
