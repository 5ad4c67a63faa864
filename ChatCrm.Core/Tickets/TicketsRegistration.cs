using ChatCrm.Core.Accounts;
using ChatCrm.Core.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Tickets;

internal static class TicketsRegistration
{
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TicketOptions>, TicketOptionsValidator>();

        // Stateless: a context per operation, safe for every circuit at once.
        services.AddSingleton<TicketSla>();
        services.AddSingleton<TicketNotifier>();
        services.AddSingleton<TicketLive>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<IAccountDeletionParticipant, TicketAccountDeletion>();
        services.AddSingleton<IDemoRecords, DemoTickets>();
        return services;
    }
}
