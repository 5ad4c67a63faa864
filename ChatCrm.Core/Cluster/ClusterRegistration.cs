using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Cluster;

internal static class ClusterRegistration
{
    public const string ConnectionName = "Redis";

    private const int MinSharedKeyLength = 32;

    /// <summary>
    /// One server (no <c>ConnectionStrings:Redis</c>): events and presence stay in this process and nothing connects
    /// to Redis. Several: the relay, the shared presence and their background work, through one Redis link.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var redis = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.TryAddSingleton<IChatEventRelay, NoRelay>();
            services.TryAddSingleton<IPresenceDirectory, ThisServerOnly>();
            return services;
        }

        // Keys a server would otherwise make for itself in its data folder must be the same on every server: a code
        // mailed through one is checked on another, an unsubscribe link signed by one is opened on another.
        services.AddOptions<AccountOptions>().Validate(o => o.CodeHashKey is { Length: >= MinSharedKeyLength },
            $"ChatCrm:Accounts:CodeHashKey must be set, the same on every server and at least {MinSharedKeyLength} characters, when ConnectionStrings:Redis is (several servers).");
        services.AddOptions<CampaignOptions>().Validate(o => o.UnsubscribeKey is { Length: >= MinSharedKeyLength },
            $"ChatCrm:Campaigns:UnsubscribeKey must be set, the same on every server and at least {MinSharedKeyLength} characters, when ConnectionStrings:Redis is (several servers).");

        services.AddOptions<ChatCrmOptions>().Validate(o => o.UploadsDirectory is { Length: > 0 },
            "ChatCrm:UploadsDirectory must be set, to one folder every server mounts, when ConnectionStrings:Redis is (several servers): a file sent through one server must open through any.");

        services.AddSingleton(sp => new RedisLink(redis, sp.GetRequiredService<IOptions<ClusterOptions>>(), sp.GetRequiredService<ILogger<RedisLink>>()));
        // Connected before anything that uses it starts (hosted services start in the order they were added).
        services.AddHostedService(sp => sp.GetRequiredService<RedisLink>());
        services.AddSingleton<RedisChatRelay>();
        services.AddSingleton<IChatEventRelay>(sp => sp.GetRequiredService<RedisChatRelay>());
        services.AddSingleton<RedisPresence>();
        services.AddSingleton<IPresenceDirectory>(sp => sp.GetRequiredService<RedisPresence>());
        services.AddSingleton<RedisEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisEventListener>());
        services.AddHostedService<RedisPresenceUpkeep>();

        // The code-mail limits and the stand-ins for unsent codes, once for all servers; this server's own in-memory
        // ones stand in while Redis is down.
        services.AddSingleton<CodeSendThrottle>();
        services.AddSingleton<CodeDecoys>();
        services.Replace(ServiceDescriptor.Singleton<ICodeSendThrottle, RedisCodeSendThrottle>());
        services.Replace(ServiceDescriptor.Singleton<ICodeDecoys, RedisCodeDecoys>());
        return services;
    }
}
