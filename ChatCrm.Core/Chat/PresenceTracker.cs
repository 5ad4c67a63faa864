using System.Collections.Concurrent;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Who has an open page right now: circuits per user on this server, so several tabs count as one person and closing
/// one tab does not make them offline; behind several servers the <see cref="IPresenceDirectory"/> adds the people
/// whose pages are open on the others. Fed by the web host's circuit handler; "last seen" is kept when the last tab
/// closes.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock, IPresenceDirectory directory)
{
    private readonly ConcurrentDictionary<Guid, int> _circuits = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSeen = new();

    /// <summary>Returns true when this made the person come online (they had no page open on any server).</summary>
    public async Task<bool> CircuitOpenedAsync(Guid userId)
    {
        if (_circuits.AddOrUpdate(userId, 1, (_, n) => n + 1) != 1) return false;
        return await directory.ArriveAsync(userId);
    }

    /// <summary>Returns true when this made the person go offline (their last page on any server closed).</summary>
    public async Task<bool> CircuitClosedAsync(Guid userId)
    {
        var remaining = _circuits.AddOrUpdate(userId, 0, (_, n) => Math.Max(0, n - 1));
        if (remaining > 0) return false;
        _circuits.TryRemove(new KeyValuePair<Guid, int>(userId, 0));
        _lastSeen[userId] = clock.GetUtcNow();
        return await directory.LeaveAsync(userId);
    }

    public bool IsOnline(Guid userId) => IsOnlineHere(userId) || directory.IsOnlineElsewhere(userId);

    /// <summary>When this server last saw them leave, if it did since it started.</summary>
    public DateTimeOffset? LastSeen(Guid userId) => _lastSeen.TryGetValue(userId, out var at) ? at : null;

    private bool IsOnlineHere(Guid userId) => _circuits.TryGetValue(userId, out var n) && n > 0;
}

/// <summary>
/// Where presence is shared between servers (Redis behind several servers, with heartbeats and expiry): whether a
/// person's first page here is their first anywhere, whether their last page here was their last anywhere, and who is
/// online on the other servers.
/// </summary>
public interface IPresenceDirectory
{
    Task<bool> ArriveAsync(Guid userId);

    Task<bool> LeaveAsync(Guid userId);

    bool IsOnlineElsewhere(Guid userId);
}

/// <summary>One server: this server's pages are all there is.</summary>
public sealed class ThisServerOnly : IPresenceDirectory
{
    public Task<bool> ArriveAsync(Guid userId) => Task.FromResult(true);

    public Task<bool> LeaveAsync(Guid userId) => Task.FromResult(true);

    public bool IsOnlineElsewhere(Guid userId) => false;
}
