using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Tells a person's contacts that they came online or went offline, recording "last seen" first. Used where presence
/// changes: the circuit handler (a page opened or closed) and, behind several servers, the sweep that notices a
/// server that stopped (its people's heartbeats ran out).
/// </summary>
public sealed partial class PresenceAnnouncer(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    ChatEvents events,
    PresenceTracker presence,
    TimeProvider clock,
    ILogger<PresenceAnnouncer> logger)
{
    public Task CameOnlineAsync(Guid userId, CancellationToken cancellationToken = default) =>
        AnnounceAsync(userId, true, null, cancellationToken);

    public async Task WentOfflineAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSeenAt, now), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPresenceFailure(ex, userId);
        }
        await AnnounceAsync(userId, false, now, cancellationToken);
    }

    // Presence is told only to people who share a chat with the person, not to everyone.
    private async Task AnnounceAsync(Guid userId, bool online, DateTimeOffset? lastSeen, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var contacts = await (
                from mine in db.Participants
                where mine.UserId == userId && mine.LeftAt == null
                join other in db.Participants on mine.ConversationId equals other.ConversationId
                where other.UserId != userId && other.LeftAt == null
                select other.UserId).Distinct().ToListAsync(cancellationToken);
            // "Offline" is said after "last seen" is written; a page of theirs that opened meanwhile (a reload, another
            // tab, another server) already said "online", and an "offline" arriving after it would stand.
            if (!online && presence.IsOnline(userId)) return;
            await events.PublishAsync(contacts, new PresenceChanged(userId, online, lastSeen));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPresenceFailure(ex, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record or announce presence for {UserId}")]
    private partial void LogPresenceFailure(Exception exception, Guid userId);
}
