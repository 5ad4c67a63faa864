using ChatCrm.Core.Accounts;
using ChatCrm.Core.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Meetings;

internal static class MeetingsRegistration
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        // Stateless: a context per operation, so one instance serves every circuit.
        services.AddSingleton<MeetingService>();
        services.AddSingleton<IAccountDeletionParticipant, MeetingAccountDeletion>();
        services.AddSingleton<IDemoRecords, DemoMeetings>();
        return services;
    }
}
