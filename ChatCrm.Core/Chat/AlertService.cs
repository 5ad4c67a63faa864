using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>What a page does when a message comes in a chat not in view: a browser notification, a sound, or both.</summary>
public sealed record ChatAlert(string Title, string Body, bool Desktop, bool Sound);

/// <summary>A person's own alert settings (profile page): notifications, sound, and digest mails (<see cref="ChatDigest"/>).</summary>
public sealed record AlertSettings(bool Desktop, bool Sound, bool DigestMail);

/// <summary>
/// Who is alerted of a new message and how: each person's notification and sound settings, and their per-chat mute.
/// Whether the chat is in view is for the page to know (Web/Components/Pages/Chat/ChatAlerts).
/// </summary>
public sealed class AlertService(IDbContextFactory<ChatCrmDbContext> dbFactory, ChatEvents events, UnsubscribeTokens tokens)
{
    /// <summary>
    /// The alert the actor gets for this message, or null: their own, a system line, a muted chat (unless it mentions
    /// them), or both switched off.
    /// </summary>
    public async Task<ChatAlert?> ForAsync(Actor actor, MessageView message, CancellationToken cancellationToken = default)
    {
        if (message.SenderId is null || message.SenderId == actor.UserId || message.IsDeleted) return null;
        // Named in it (@mention): alerted even in a chat they muted.
        var mentioned = message.Mentioned(actor.UserId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == message.ConversationId && p.UserId == actor.UserId && p.LeftAt == null && (!p.Muted || mentioned)
            join c in db.Conversations on p.ConversationId equals c.Id
            join u in db.Users on p.UserId equals u.Id
            select new { c.Kind, c.Name, u.NotifyDesktop, u.NotifySound }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || (!found.NotifyDesktop && !found.NotifySound)) return null;
        var group = found.Name ?? "Group";
        var title = found.Kind != ConversationKind.Group ? message.SenderName
            : mentioned ? $"{message.SenderName} mentioned you in {group}"
            : $"{message.SenderName} in {group}";
        return new ChatAlert(title, message.Summary(), found.NotifyDesktop, found.NotifySound);
    }

    /// <summary>Mutes or unmutes a chat for the actor alone; their other pages show it at once.</summary>
    public async Task SetMutedAsync(Actor actor, Guid conversationId, bool muted, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ChatAccess.MembershipAsync(db, actor, conversationId, cancellationToken);
        await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId == actor.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Muted, muted), cancellationToken);
        await events.PublishAsync([actor.UserId], new ConversationChanged(conversationId));
    }

    /// <summary>The digest mail's unsubscribe link: signed for this account, so it works without signing in.</summary>
    public async Task<bool> StopDigestAsync(Guid userId, string? token, CancellationToken cancellationToken = default)
    {
        if (!tokens.IsValid(userId, token, MailList.ChatDigest)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.DigestMail, false), cancellationToken);
        return true;
    }

    public async Task<AlertSettings> GetSettingsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => new AlertSettings(u.NotifyDesktop, u.NotifySound, u.DigestMail))
            .FirstOrDefaultAsync(cancellationToken) ?? new AlertSettings(false, false, false);
    }

    public async Task SetSettingsAsync(Actor actor, AlertSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(set => set
            .SetProperty(u => u.NotifyDesktop, settings.Desktop)
            .SetProperty(u => u.NotifySound, settings.Sound)
            .SetProperty(u => u.DigestMail, settings.DigestMail), cancellationToken);
    }
}
