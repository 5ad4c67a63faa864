using ChatCrm.Core.Chat;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// Keeps shared presence true: renews this server's people every heartbeat, and sweeps for people whose server stopped
/// renewing them (it crashed, or lost the network), telling their contacts they went offline.
/// </summary>
public sealed partial class RedisPresenceUpkeep(
    RedisPresence presence,
    PresenceAnnouncer announcer,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<RedisPresenceUpkeep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TryAsync(presence.RefreshAsync);
        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        var sweep = TimeSpan.FromSeconds(options.Value.SweepSeconds);
        var nextHeartbeat = clock.GetUtcNow() + heartbeat;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        var nextSweep = clock.GetUtcNow() + sweep;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            if (now >= nextHeartbeat)
            {
                nextHeartbeat = now + heartbeat;
                await TryAsync(async () =>
                {
                    foreach (var person in await presence.HeartbeatAsync()) await announcer.CameOnlineAsync(person, stoppingToken);
                });
            }
            if (now >= nextSweep)
            {
                nextSweep = now + sweep;
                await TryAsync(async () =>
                {
                    foreach (var person in await presence.SweepAsync()) await announcer.WentOfflineAsync(person, stoppingToken);
                });
            }
        }
    }

    private async Task TryAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Redis down: the link says so once; the next tick tries again.
            LogSkipped(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Presence upkeep skipped a turn.")]
    private partial void LogSkipped(Exception exception);
}
