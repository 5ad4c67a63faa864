using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Dashboard;

internal static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        // Stateless; opens a context per part of the page.
        services.AddSingleton<DashboardService>();
        return services;
    }
}
