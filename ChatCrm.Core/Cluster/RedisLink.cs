using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// This server's connection to Redis, made at start without waiting for Redis to be up (a server starts, and keeps
/// serving its own pages, while Redis is down), and remade by the client whenever it drops. Says when the link for
/// pub/sub comes back, so what travelled through Redis meanwhile can be made up for.
/// </summary>
public sealed partial class RedisLink(string configuration, IOptions<ClusterOptions> options, ILogger<RedisLink> logger) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _connection;

    /// <summary>This process, among the servers: events it sent come back to it and are skipped by this id.</summary>
    public Guid ServerId { get; } = Guid.NewGuid();

    public string Prefix => options.Value.KeyPrefix;

    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Redis is used before the app started.");

    public IDatabase Database => Connection.GetDatabase();

    public bool IsConnected => _connection?.IsConnected ?? false;

    /// <summary>The pub/sub link came back after a drop.</summary>
    public event Func<Task>? Restored;

    public RedisChannel Channel(string name) => RedisChannel.Literal(Prefix + name);

    public RedisKey Key(string name) => Prefix + name;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        config.ClientName = $"chatcrm-{ServerId:N}";
        // A stopped Redis is noticed at once (the socket closes); coming back is tried every second, not with the
        // client's growing backoff, so pages catch up within seconds of Redis returning.
        config.ReconnectRetryPolicy = new LinearRetry(1000);
        _connection = await ConnectionMultiplexer.ConnectAsync(config);
        _connection.ConnectionFailed += (_, e) => LogLost(e.ConnectionType, e.FailureType);
        _connection.ConnectionRestored += (_, e) =>
        {
            LogRestored(e.ConnectionType);
            if (e.ConnectionType == ConnectionType.Subscription) _ = RaiseRestoredAsync();
        };
        if (!_connection.IsConnected) LogNotYet();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RaiseRestoredAsync()
    {
        if (Restored is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            try
            {
                await handler();
            }
            catch (Exception ex)
            {
                LogCatchUpFailed(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost Redis ({ConnectionType}, {FailureType}): live updates reach only this server's pages until it is back.")]
    private partial void LogLost(ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back ({ConnectionType}).")]
    private partial void LogRestored(ConnectionType connectionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable yet; this server serves its own pages and keeps trying.")]
    private partial void LogNotYet();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up after Redis came back failed.")]
    private partial void LogCatchUpFailed(Exception exception);
}
