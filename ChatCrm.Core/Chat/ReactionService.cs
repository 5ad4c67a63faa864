using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Emoji on messages: a small fixed set, one of each per person, the same choice again takes it back. Every member's
/// open page sees the counts and names change at once.
/// </summary>
public sealed class ReactionService(IDbContextFactory<ChatCrmDbContext> dbFactory, ChatEvents events, TimeProvider clock)
{
    /// <summary>The reactions offered, in the order shown.</summary>
    public static readonly IReadOnlyList<string> Choices = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

    /// <summary>Adds the actor's emoji to the message, or takes it back if it was there; returns the message as it shows now.</summary>
    public async Task<MessageView> ToggleAsync(Actor actor, Guid messageId, string emoji, CancellationToken cancellationToken = default)
    {
        if (!Choices.Contains(emoji, StringComparer.Ordinal)) throw new ChatRuleException("Choose one of the reactions offered.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await MessageTargets.VisibleToMemberAsync(db, actor, messageId, cancellationToken);
        var removed = await db.Reactions.Where(r => r.MessageId == messageId && r.UserId == actor.UserId && r.Emoji == emoji).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            db.Reactions.Add(new Reaction { MessageId = messageId, UserId = actor.UserId, Emoji = emoji, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person's other tab got there first (a double click): it is there, as asked. Anything else
                // (the message deleted meanwhile) is refused as such.
                if (!await db.Reactions.AnyAsync(r => r.MessageId == messageId && r.UserId == actor.UserId && r.Emoji == emoji, cancellationToken))
                    throw new ChatRuleException("That message was deleted.");
            }
        }
        var view = await MessageViewReader.ViewAsync(db, message, cancellationToken);
        await MessageService.PublishChangeAsync(db, events, view, cancellationToken);
        return view;
    }
}

/// <summary>The checks every action on someone's message shares (reacting, pinning).</summary>
internal static class MessageTargets
{
    public const string NotFound = "That message does not exist or you cannot see it.";

    /// <summary>
    /// The message, if the actor is a current member of its chat and may see it, and it is a person's message still
    /// there (not a system line, not deleted). Refused the same way whether it exists or not.
    /// </summary>
    public static async Task<Message> VisibleToMemberAsync(ChatCrmDbContext db, Actor actor, Guid messageId, CancellationToken cancellationToken)
    {
        var found = await (
            from m in db.Messages.AsNoTracking()
            where m.Id == messageId
            join p in db.Participants on m.ConversationId equals p.ConversationId
            where p.UserId == actor.UserId && m.Seq >= p.VisibleFromSeq && (p.VisibleUpToSeq == null || m.Seq <= p.VisibleUpToSeq)
            select new { Message = m, p.LeftAt }).FirstOrDefaultAsync(cancellationToken) ?? throw new ForbiddenException(NotFound);
        if (found.LeftAt is not null) throw new ForbiddenException(ChatAccess.NoLongerIn);
        if (found.Message.Kind == MessageKind.System) throw new ChatRuleException("That line is written by ChatCrm; it cannot be reacted to or pinned.");
        if (found.Message.DeletedAt is not null) throw new ChatRuleException("That message was deleted.");
        return found.Message;
    }
}
