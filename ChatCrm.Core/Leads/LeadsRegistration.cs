using ChatCrm.Core.Leads.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Leads;

internal static class LeadsRegistration
{
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;

        // CSV import and export: stateless singletons that open a context per operation.
        services.AddOptions<LeadCsvOptions>().Bind(configuration.GetSection(LeadCsvOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LeadCsvReader>();
        services.AddSingleton<LeadImportService>();
        services.AddSingleton<LeadCsvExport>();
        return services;
    }
}
