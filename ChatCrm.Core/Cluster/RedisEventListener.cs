using ChatCrm.Core.Chat;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// Hands the other servers' chat events to this server's pages, one at a time in the order Redis delivers them (a
/// page orders messages by their stored sequence anyway). When the link comes back after a drop, this server's pages
/// read again, and so do the others' (it tells them): events sent while it was down reached no other server.
/// </summary>
public sealed partial class RedisEventListener(
    RedisLink link,
    RedisChatRelay relay,
    RedisPresence presence,
    ChatEvents events,
    ILogger<RedisEventListener> logger) : IHostedService
{
    private ChannelMessageQueue? _queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _queue = await link.Connection.GetSubscriber().SubscribeAsync(link.Channel(RedisChatRelay.ChannelName));
        _queue.OnMessage(OnMessageAsync);
        link.Restored += CatchUpAsync;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        link.Restored -= CatchUpAsync;
        if (_queue is not null) await _queue.UnsubscribeAsync();
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            if (RelayedEvent.FromJson((string)message.Message!) is not { } relayed || relayed.Origin == link.ServerId) return;
            if (relayed.Event is null)
            {
                await presence.RefreshAsync();
                await events.DeliverToEveryoneHereAsync(new EventsMissed());
                return;
            }
            if (relayed.Event is PresenceChanged changed) presence.Observe(changed);
            await events.DeliverHereAsync(relayed.UserIds, relayed.Event);
        }
        catch (Exception ex)
        {
            LogBadMessage(ex);
        }
    }

    private async Task CatchUpAsync()
    {
        await presence.RefreshAsync();
        await events.DeliverToEveryoneHereAsync(new EventsMissed());
        await relay.SendCatchUpAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A relayed chat event could not be delivered here.")]
    private partial void LogBadMessage(Exception exception);
}
