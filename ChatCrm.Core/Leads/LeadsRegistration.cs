using ChatCrm.Core.Accounts;
using ChatCrm.Core.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Leads;

internal static class LeadsRegistration
{
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        // Stateless over a context factory: one instance serves every circuit.
        services.AddSingleton<LeadService>();
        services.AddSingleton<IAccountDeletionParticipant, LeadAccountDeletion>();
        services.AddSingleton<IDemoRecords, DemoLeads>();
        return services;
    }
}
