using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Meetings;

internal static class MeetingsRegistration
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
