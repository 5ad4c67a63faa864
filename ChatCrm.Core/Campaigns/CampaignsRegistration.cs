using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Campaigns;

internal static class CampaignsRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
