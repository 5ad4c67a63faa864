namespace ChatCrm.Web.Components.Pages.Campaigns;

internal static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints;
    }
}
