using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Campaigns;

public sealed partial class CampaignDetail
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

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
        catch (ForbiddenException)
        {
            Show(AlertStyle.Danger, ForbiddenText);
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load campaign");
            Show(AlertStyle.Danger, "The campaign could not be loaded. Please try again.");
        }
    }

    private async Task DeleteAsync()
    {
        if (_campaign is not { } c) return;
        var deleted = await RunAsync("delete campaign", a => Campaigns.DeleteAsync(a, c.Id, c.Version), successText: null,
            confirm: async () => await Dialogs.Confirm($"Delete the campaign \"{c.Name}\" with its results and recipient list? This cannot be undone.",
                "Delete campaign", new ConfirmOptions { OkButtonText = "Delete campaign", CancelButtonText = "Cancel", Width = "min(32rem, 95vw)", CloseDialogOnEsc = true }) == true,
            reload: ReloadAsync);
        if (deleted) Navigation.NavigateTo("campaigns");
    }
}
