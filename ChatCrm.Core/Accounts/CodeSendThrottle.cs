using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Limits how often codes are mailed: a cooldown per address and purpose (a resend), an hourly cap per address, and an
/// hourly cap per IP. The cooldown is per purpose so that confirming a sign-up and then signing in on a second device
/// straight away is not refused. It is asked
/// before anyone looks the address up, so a known and an unknown address are throttled alike. Kept in memory: one
/// server's limits (behind several servers, Redis keeps them for all: <c>Cluster/RedisCodeSendThrottle</c>).
/// </summary>
public sealed class CodeSendThrottle(IOptions<AccountOptions> options, TimeProvider clock) : ICodeSendThrottle
{
    public Task<TimeSpan?> TryAcquireAsync(string email, CodePurpose purpose, string? ipAddress) =>
        Task.FromResult(TryAcquire(email, purpose, ipAddress, out var wait) ? (TimeSpan?)null : wait);

    public Task EndCooldownAsync(string email, CodePurpose purpose)
    {
        EndCooldown(email, purpose);
        return Task.CompletedTask;
    }

    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSendByPurpose = new(StringComparer.Ordinal);

    /// <summary>Records a send if allowed; otherwise says how long to wait.</summary>
    public bool TryAcquire(string email, CodePurpose purpose, string? ipAddress, out TimeSpan retryAfter)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var addressKey = AddressKey(email);
        var ipKey = "i:" + (ipAddress ?? "unknown");
        var cooldownKey = CooldownKey(email, purpose);
        var address = _sends.GetOrAdd(addressKey, _ => new Queue<DateTimeOffset>());
        var ip = _sends.GetOrAdd(ipKey, _ => new Queue<DateTimeOffset>());

        // Lock both queues in a fixed order, so two requests never wait on each other in a circle.
        var (first, second) = string.CompareOrdinal(addressKey, ipKey) < 0 ? (address, ip) : (ip, address);
        lock (first)
        lock (second)
        {
            Prune(address, now);
            Prune(ip, now);
            var cooldown = TimeSpan.FromSeconds(settings.ResendCooldownSeconds);
            var waits = new List<TimeSpan>();
            if (_lastSendByPurpose.TryGetValue(cooldownKey, out var last) && now - last < cooldown) waits.Add(cooldown - (now - last));
            if (address.Count >= settings.CodesPerAddressPerHour) waits.Add(address.Peek().AddHours(1) - now);
            if (ip.Count >= settings.CodesPerIpPerHour) waits.Add(ip.Peek().AddHours(1) - now);
            if (waits.Count > 0)
            {
                retryAfter = waits.Max();
                return false;
            }
            address.Enqueue(now);
            ip.Enqueue(now);
            _lastSendByPurpose[cooldownKey] = now;
            retryAfter = TimeSpan.Zero;
        }
        SweepIfLarge(now);
        return true;
    }

    /// <summary>
    /// Ends the wait before the next code for this address and purpose: a code killed by wrong tries tells the person
    /// to send a new one, and that must work at once. The hourly caps stay, so this never allows more codes an hour.
    /// </summary>
    public void EndCooldown(string email, CodePurpose purpose) => _lastSendByPurpose.TryRemove(CooldownKey(email, purpose), out _);

    private static string AddressKey(string email) => "a:" + email.Trim().ToUpperInvariant();

    private static string CooldownKey(string email, CodePurpose purpose) => $"{purpose}:{AddressKey(email)}";

    // Forget addresses and IPs with no send in the last hour, so a flood of distinct addresses cannot grow memory
    // without bound. Cheap enough to run on a send once the table is big.
    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_sends.Count + _lastSendByPurpose.Count < SweepThreshold) return;
        foreach (var (key, last) in _lastSendByPurpose)
        {
            if (now - last > TimeSpan.FromHours(1)) _lastSendByPurpose.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, last));
        }
        foreach (var (key, queue) in _sends)
        {
            lock (queue)
            {
                Prune(queue, now);
                if (queue.Count == 0) _sends.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, queue));
            }
        }
    }

    private static void Prune(Queue<DateTimeOffset> sends, DateTimeOffset now)
    {
        while (sends.Count > 0 && sends.Peek() <= now.AddHours(-1)) sends.Dequeue();
    }
}
