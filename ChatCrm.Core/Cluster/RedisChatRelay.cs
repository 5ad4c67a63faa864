using ChatCrm.Core.Chat;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// Sends this server's chat events to the others through one Redis channel. Redis down: the event stays with this
/// server's pages (it is stored anyway), and the pages everywhere read again once the link is back
/// (<see cref="RedisEventListener"/>).
/// </summary>
public sealed partial class RedisChatRelay(RedisLink link, ILogger<RedisChatRelay> logger) : IChatEventRelay
{
    public const string ChannelName = "events";

    public async Task SendAsync(IReadOnlyCollection<Guid> userIds, ChatEvent chatEvent)
    {
        if (userIds.Count == 0 && chatEvent is not PresenceChanged) return;
        try
        {
            await link.Connection.GetSubscriber().PublishAsync(link.Channel(ChannelName), new RelayedEvent(link.ServerId, [.. userIds], chatEvent).ToJson());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            LogNotSent(chatEvent.GetType().Name);
        }
    }

    internal Task SendCatchUpAsync() =>
        link.Connection.GetSubscriber().PublishAsync(link.Channel(ChannelName), RelayedEvent.CatchUp(link.ServerId).ToJson());

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {EventType} did not reach the other servers (Redis is down); their pages read again when it is back.")]
    private partial void LogNotSent(string eventType);
}
