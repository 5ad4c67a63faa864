using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// A fixed-window limit (so many permits a window) counted in Redis for one partition (an IP address), so every
/// server counts against the same number. The count is asked for asynchronously: the quick synchronous attempt says
/// "ask again" without counting, and the waiting path counts. Redis down: this server's own window stands in.
/// </summary>
public sealed class RedisWindowLimiter(RedisLink link, string partition, int permits, TimeSpan window) : RateLimiter
{
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local n = redis.call('INCR', @key)
        if n == 1 then redis.call('PEXPIRE', @key, @windowMs) end
        return n
        """);

    private readonly FixedWindowRateLimiter _fallback = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
    });

    private long _lastUsedTicks = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Retry;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);
        var windowMs = (long)window.TotalMilliseconds;
        // One key per window, so a window's count ends with it.
        var slot = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / windowMs;
        try
        {
            var used = (long)await Count.EvaluateAsync(link.Database, new { key = link.Key($"posts:{partition}:{slot}"), windowMs = windowMs * 2 });
            return used <= permits ? Lease.Granted : Lease.Refused;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return await _fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _fallback.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);
        public static readonly Lease Retry = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
