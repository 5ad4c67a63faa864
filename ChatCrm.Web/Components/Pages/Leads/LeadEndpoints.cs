namespace ChatCrm.Web.Components.Pages.Leads;

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints;
    }
}
