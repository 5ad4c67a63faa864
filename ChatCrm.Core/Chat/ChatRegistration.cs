using ChatCrm.Core.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Core.Chat;

internal static class ChatRegistration
{
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Shared by every circuit: the live hub and presence are written for concurrent use.
        services.AddSingleton<ChatEvents>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceAnnouncer>();

        // Stateless; each opens a context per operation.
        services.AddSingleton<ChatFileStore>();
        services.AddSingleton<MessageAppender>();
        services.AddSingleton<SystemLines>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<ReactionService>();
        services.AddSingleton<PinService>();
        services.AddSingleton<Mentions>();
        services.AddSingleton<PersonCards>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<IAccountDeletionParticipant, ChatAccountDeletion>();

        // Digest mails for messages left unread, queued in the background on every server (claims keep them single).
        services.AddSingleton<ChatDigestSignal>();
        services.AddSingleton<ChatDigest>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ChatDigest>());
        return services;
    }
}
