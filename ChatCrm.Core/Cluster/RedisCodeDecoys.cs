using ChatCrm.Core.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// <see cref="CodeDecoys"/>' stand-ins in Redis, so a guess on any server is answered alike: a hash of tries and end per
/// address and purpose, counted by a script (never read-then-write), kept a day past its end as a code row is. Redis
/// down: this server's own stand-ins answer.
/// </summary>
public sealed partial class RedisCodeDecoys(
    RedisLink link,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    CodeDecoys fallback,
    ILogger<RedisCodeDecoys> logger) : ICodeDecoys
{
    private static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(1);

    // Returns 0 with no stand-in, else 1 invalid, 2 exhausted, 3 expired (CodeDecoys' answers).
    private static readonly LuaScript Guess = LuaScript.Prepare("""
        local ends = redis.call('HGET', @decoy, 'ends')
        if not ends then return 0 end
        local tries = tonumber(redis.call('HGET', @decoy, 'tries'))
        if tries >= tonumber(@max) then return 2 end
        if tonumber(ends) <= tonumber(@now) then return 3 end
        tries = redis.call('HINCRBY', @decoy, 'tries', 1)
        if tries >= tonumber(@max) then return 2 end
        return 1
        """);

    public async Task IssueAsync(string key, CodePurpose purpose)
    {
        var ends = clock.GetUtcNow().AddMinutes(options.Value.CodeLifetimeMinutes);
        try
        {
            var decoy = Key(key, purpose);
            var batch = link.Database.CreateTransaction();
            _ = batch.HashSetAsync(decoy, [new("ends", ends.ToUnixTimeMilliseconds()), new("tries", 0)]);
            _ = batch.KeyExpireAsync(decoy, ends - clock.GetUtcNow() + KeptAfterEnd);
            await batch.ExecuteAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFallback(ex);
            await fallback.IssueAsync(key, purpose);
        }
    }

    public async Task ForgetAsync(string key, CodePurpose purpose)
    {
        await fallback.ForgetAsync(key, purpose);
        try
        {
            await link.Database.KeyDeleteAsync(Key(key, purpose));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFallback(ex);
        }
    }

    public async Task<CodeCheck?> CheckAsync(string key, CodePurpose purpose)
    {
        try
        {
            var answer = (int)await Guess.EvaluateAsync(link.Database,
                new { decoy = Key(key, purpose), max = options.Value.CodeMaxAttempts, now = clock.GetUtcNow().ToUnixTimeMilliseconds() });
            return answer switch
            {
                0 => null,
                1 => new CodeCheck(CodeCheckStatus.Invalid),
                2 => new CodeCheck(CodeCheckStatus.Exhausted),
                _ => new CodeCheck(CodeCheckStatus.Expired),
            };
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFallback(ex);
            return await fallback.CheckAsync(key, purpose);
        }
    }

    private RedisKey Key(string key, CodePurpose purpose) => link.Key($"codes:decoy:{purpose}:{key.Trim().ToUpperInvariant()}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Code stand-ins fell back to this server's own (Redis is down).")]
    private partial void LogFallback(Exception exception);
}
