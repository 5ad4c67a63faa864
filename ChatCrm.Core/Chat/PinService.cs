using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Pinned messages: kept at hand in a chat's pinned list. In a one-to-one chat either person pins; in a group the
/// owner or an admin does, so what the group sees first is the group's choice, not anyone's.
/// </summary>
public sealed class PinService(IDbContextFactory<ChatCrmDbContext> dbFactory, ChatEvents events, TimeProvider clock)
{
    public const int PinsMax = 50;

    public const string GroupOwnersOnly = "In a group, only its owners and admins pin messages.";

    /// <summary>Pins or unpins a message; returns it as it shows now.</summary>
    public async Task<MessageView> SetPinnedAsync(Actor actor, Guid messageId, bool pinned, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await MessageTargets.VisibleToMemberAsync(db, actor, messageId, cancellationToken);
        if (!await MayPinAsync(db, actor, message.ConversationId, cancellationToken)) throw new ForbiddenException(GroupOwnersOnly);
        if (pinned && message.PinnedAt is null
            && await db.Messages.CountAsync(m => m.ConversationId == message.ConversationId && m.PinnedAt != null, cancellationToken) >= PinsMax)
            throw new ChatRuleException($"A chat keeps at most {PinsMax} pinned messages: unpin one first.");

        message.PinnedAt = pinned ? message.PinnedAt ?? clock.GetUtcNow() : null;
        message.PinnedBy = pinned ? message.PinnedBy ?? actor.UserId : null;
        await db.Messages.Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PinnedAt, message.PinnedAt).SetProperty(m => m.PinnedBy, message.PinnedBy), cancellationToken);
        var view = await MessageViewReader.ViewAsync(db, message, cancellationToken);
        await MessageService.PublishChangeAsync(db, events, view, cancellationToken);
        return view;
    }

    /// <summary>The chat's pinned messages the actor may see, the latest pinned first.</summary>
    public async Task<IReadOnlyList<MessageView>> ListAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        var (visibleFrom, visibleTo) = ChatAccess.VisibleRange(me);
        var rows = await (
            from m in db.Messages.AsNoTracking()
            where m.ConversationId == conversationId && m.PinnedAt != null && m.DeletedAt == null && m.Seq >= visibleFrom && m.Seq <= visibleTo
            orderby m.PinnedAt descending
            select new { Message = m, SenderName = db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault() })
            .Take(PinsMax)
            .ToListAsync(cancellationToken);
        return await MessageViewReader.ViewsAsync(db, rows.Select(r => (r.Message, r.SenderName ?? ConversationService.DeletedUser)).ToList(), visibleFrom, cancellationToken);
    }

    /// <summary>The rule: a member of a one-to-one chat, or a group's owner or an admin in it.</summary>
    internal static bool MayPin(ConversationKind kind, Participant me, Actor actor) =>
        me.IsMember && (kind == ConversationKind.Direct || me.IsOwner || actor.IsAdmin);

    private static async Task<bool> MayPinAsync(ChatCrmDbContext db, Actor actor, Guid conversationId, CancellationToken cancellationToken)
    {
        var me = await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        var kind = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.Kind).FirstAsync(cancellationToken);
        return MayPin(kind, me, actor);
    }
}
