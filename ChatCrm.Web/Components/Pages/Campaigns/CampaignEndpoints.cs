namespace ChatCrm.Web.Components.Pages.Campaigns;

/// <summary>
/// Campaign HTTP endpoints. The unsubscribe link opens <see cref="Unsubscribe"/>, a static server-rendered Razor page
/// (anonymous, with an anti-forgery-protected form), so nothing needs mapping here yet.
/// </summary>
internal static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints;
    }
}
