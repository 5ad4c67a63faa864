using ChatCrm.Core.Accounts;
using ChatCrm.Core.Demo;
using ChatCrm.Core.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Core.Campaigns;

internal static class CampaignsRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Shared by all circuits and the sender; stateless apart from the signing key and the wake-up channel.
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<CampaignSendSignal>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignSendService>();

        // One sender per process; a singleton first, so tests can drive the same instance the host runs.
        services.AddSingleton<CampaignSender>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CampaignSender>());

        services.AddSingleton<IMailOutcomeListener, CampaignDeliveries>();
        services.AddSingleton<IAccountDeletionParticipant, CampaignAccountDeletion>();
        services.AddSingleton<IDemoRecords, DemoCampaigns>();
        return services;
    }
}
