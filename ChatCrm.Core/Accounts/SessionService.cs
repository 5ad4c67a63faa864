using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Accounts;

public sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? IpAddress, string? UserAgent);

/// <summary>Signed-in browsers. The cookie names its session; an ended session signs that browser out.</summary>
public sealed class SessionService(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock)
{
    // Writing "last seen" on every request would turn each page view into a write; once a minute is enough to show.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<Guid> StartAsync(Guid userId, string? ipAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = Truncate(ipAddress, UserSession.IpMax),
            UserAgent = Truncate(userAgent, UserSession.UserAgentMax),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True while the session exists, belongs to the user and has not ended; refreshes "last seen".</summary>
    public async Task<bool> ValidateAsync(Guid sessionId, Guid userId, string? ipAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .Select(s => new { s.LastSeenAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null) return false;

        var now = clock.GetUtcNow();
        if (now - session.LastSeenAt >= TouchInterval)
        {
            var ip = Truncate(ipAddress, UserSession.IpMax);
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastSeenAt, now)
                .SetProperty(s => s.IpAddress, ip), cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSeenAt, now), cancellationToken);
        }
        return true;
    }

    public async Task<IReadOnlyList<SessionView>> ListActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.CreatedAt, s.LastSeenAt, s.IpAddress, s.UserAgent))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one of the actor's own sessions (admins may end anyone's).</summary>
    public async Task<bool> EndAsync(Actor actor, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Sessions
            .Where(s => s.Id == sessionId && s.EndedAt == null && (actor.IsAdmin || s.UserId == actor.UserId))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken) == 1;
    }

    /// <summary>Ends every session of a user, optionally keeping one (the browser that asked).</summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? except = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Sessions
            .Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
