using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Leads;

internal static class LeadsRegistration
{
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
