using ChatCrm.Core.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// The code-mail limits (<see cref="CodeSendThrottle"/>'s rules) counted once for every server, in Redis: the cooldown
/// is a key that expires, each hourly cap a set of send times. Checked and recorded in one script, so two servers
/// asked at the same moment cannot both get the last send. Redis down: this server's own limits stand in.
/// </summary>
public sealed partial class RedisCodeSendThrottle(
    RedisLink link,
    IOptions<AccountOptions> options,
    CodeSendThrottle fallback,
    ILogger<RedisCodeSendThrottle> logger) : ICodeSendThrottle
{
    // Returns 0 when the send is allowed and recorded, else how many milliseconds to wait.
    private static readonly LuaScript Acquire = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = t[1] * 1000 + math.floor(t[2] / 1000)
        local hour = 3600000
        local wait = 0
        local cooling = redis.call('PTTL', @cooldown)
        if cooling > 0 then wait = cooling end
        for _, pair in ipairs({ { @address, @perAddress }, { @ip, @perIp } }) do
          redis.call('ZREMRANGEBYSCORE', pair[1], '-inf', now - hour)
          if redis.call('ZCARD', pair[1]) >= tonumber(pair[2]) then
            local oldest = redis.call('ZRANGE', pair[1], 0, 0, 'WITHSCORES')
            wait = math.max(wait, tonumber(oldest[2]) + hour - now)
          end
        end
        if wait > 0 then return wait end
        redis.call('ZADD', @address, now, @send)
        redis.call('PEXPIRE', @address, hour)
        redis.call('ZADD', @ip, now, @send)
        redis.call('PEXPIRE', @ip, hour)
        if tonumber(@cooldownMs) > 0 then redis.call('SET', @cooldown, '1', 'PX', @cooldownMs) end
        return 0
        """);

    public async Task<TimeSpan?> TryAcquireAsync(string email, CodePurpose purpose, string? ipAddress)
    {
        var settings = options.Value;
        try
        {
            var waitMs = (long)await Acquire.EvaluateAsync(link.Database, new
            {
                cooldown = CooldownKey(email, purpose),
                address = link.Key("codes:address:" + Address(email)),
                ip = link.Key("codes:ip:" + (ipAddress ?? "unknown")),
                perAddress = settings.CodesPerAddressPerHour,
                perIp = settings.CodesPerIpPerHour,
                cooldownMs = settings.ResendCooldownSeconds * 1000L,
                send = Guid.NewGuid().ToString("N"),
            });
            return waitMs > 0 ? TimeSpan.FromMilliseconds(waitMs) : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFallback(ex);
            return await fallback.TryAcquireAsync(email, purpose, ipAddress);
        }
    }

    public async Task EndCooldownAsync(string email, CodePurpose purpose)
    {
        await fallback.EndCooldownAsync(email, purpose);
        try
        {
            await link.Database.KeyDeleteAsync(CooldownKey(email, purpose));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFallback(ex);
        }
    }

    private RedisKey CooldownKey(string email, CodePurpose purpose) => link.Key($"codes:cooldown:{purpose}:{Address(email)}");

    private static string Address(string email) => email.Trim().ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Code-mail limits fell back to this server's own (Redis is down).")]
    private partial void LogFallback(Exception exception);
}
