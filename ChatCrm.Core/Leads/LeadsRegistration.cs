using ChatCrm.Core.Accounts;
using ChatCrm.Core.Demo;
using ChatCrm.Core.Leads.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Leads;

internal static class LeadsRegistration
{
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeadCsvOptions>().Bind(configuration.GetSection(LeadCsvOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Stateless over a context factory: one instance serves every circuit.
        services.AddSingleton<LeadService>();
        services.AddSingleton<LeadCsvReader>();
        services.AddSingleton<LeadImportService>();
        services.AddSingleton<LeadCsvExport>();
        services.AddSingleton<IAccountDeletionParticipant, LeadAccountDeletion>();
        services.AddSingleton<IDemoRecords, DemoLeads>();
        return services;
    }
}
