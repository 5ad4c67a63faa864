using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Tickets;

internal static class TicketsRegistration
{
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
