using System.Collections.Concurrent;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Who has an open page right now: circuits per user, so several tabs count as one person and closing one tab does
/// not make them offline. Fed by the web host's circuit handler; "last seen" is kept when the last tab closes.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, int> _circuits = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSeen = new();

    /// <summary>Returns true when this made the person come online.</summary>
    public bool CircuitOpened(Guid userId) => _circuits.AddOrUpdate(userId, 1, (_, n) => n + 1) == 1;

    /// <summary>Returns true when this made the person go offline.</summary>
    public bool CircuitClosed(Guid userId)
    {
        var remaining = _circuits.AddOrUpdate(userId, 0, (_, n) => Math.Max(0, n - 1));
        if (remaining > 0) return false;
        _circuits.TryRemove(new KeyValuePair<Guid, int>(userId, 0));
        _lastSeen[userId] = clock.GetUtcNow();
        return true;
    }

    public bool IsOnline(Guid userId) => _circuits.TryGetValue(userId, out var n) && n > 0;

    /// <summary>When this server last saw them leave, if it did since it started.</summary>
    public DateTimeOffset? LastSeen(Guid userId) => _lastSeen.TryGetValue(userId, out var at) ? at : null;
}
