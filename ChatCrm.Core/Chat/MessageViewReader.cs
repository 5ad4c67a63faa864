using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Turns stored messages into what a page shows: each with the quote of the message it answers and its reactions,
/// read for the whole batch at once (one query for the quotes, when there are any, one for the reactions), so a page
/// of history costs the same few queries however many replies and reactions it holds.
/// </summary>
internal static class MessageViewReader
{
    public static async Task<List<MessageView>> ViewsAsync(ChatCrmDbContext db, IReadOnlyList<(Message Message, string SenderName)> rows,
        long visibleFrom, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var quotes = await QuotesAsync(db, rows.Select(r => r.Message.ReplyToId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        var reactions = await ReactionsAsync(db, rows.Where(r => r.Message.DeletedAt is null).Select(r => r.Message.Id).ToList(), cancellationToken);
        return rows.Select(r => MessageViews.From(r.Message, r.SenderName,
                r.Message.ReplyToId is { } replyTo && quotes.TryGetValue(replyTo, out var quote) ? quote.ForReaderFrom(visibleFrom) : null,
                reactions.GetValueOrDefault(r.Message.Id)))
            .ToList();
    }

    /// <summary>One message as everyone in the chat sees it now (for a live change); quotes are hidden per reader by the page.</summary>
    public static async Task<MessageView> ViewAsync(ChatCrmDbContext db, Message message, CancellationToken cancellationToken)
    {
        var senderName = message.SenderId is { } sender ? await ConversationService.NameOfAsync(db, sender, cancellationToken) : "";
        return (await ViewsAsync(db, [(message, senderName)], 0, cancellationToken))[0];
    }

    /// <summary>The quote of the message being answered: the one <paramref name="answered"/> selects, if it selects one.</summary>
    public static async Task<ReplyQuote?> QuoteAsync(ChatCrmDbContext db, IQueryable<Message> answered, CancellationToken cancellationToken) =>
        (await QuotesAsync(db, answered, cancellationToken)).Values.FirstOrDefault();

    private static async Task<Dictionary<Guid, ReplyQuote>> QuotesAsync(ChatCrmDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await QuotesAsync(db, db.Messages.Where(m => ids.Contains(m.Id)), cancellationToken);

    private static async Task<Dictionary<Guid, ReplyQuote>> QuotesAsync(ChatCrmDbContext db, IQueryable<Message> messages, CancellationToken cancellationToken)
    {
        var originals = await messages.AsNoTracking()
            .Select(m => new
            {
                m.Id,
                m.Seq,
                m.SenderId,
                m.Kind,
                m.Text,
                FileName = m.Attachment == null ? null : m.Attachment.FileName,
                Deleted = m.DeletedAt != null,
                SenderName = db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return originals.ToDictionary(o => o.Id, o => new ReplyQuote(o.Id, o.Seq,
            o.SenderId is null ? "" : o.SenderName ?? ConversationService.DeletedUser,
            o.Deleted ? MessageService.DeletedPreview : MessageAppender.Preview(o.Kind, o.Text, o.FileName),
            o.Deleted, Hidden: false));
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<ReactionView>>> ReactionsAsync(ChatCrmDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Reactions.AsNoTracking()
            .Where(r => ids.Contains(r.MessageId))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.MessageId,
                r.Emoji,
                r.UserId,
                Name = db.Users.Where(u => u.Id == r.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // Emoji in the order they were first used on the message, people in the order they reacted.
        return rows.GroupBy(r => r.MessageId).ToDictionary(
            byMessage => byMessage.Key,
            byMessage => (IReadOnlyList<ReactionView>)byMessage.GroupBy(r => r.Emoji)
                .Select(byEmoji => new ReactionView(byEmoji.Key,
                    byEmoji.Select(r => r.UserId).ToList(),
                    byEmoji.Select(r => r.Name ?? ConversationService.DeletedUser).ToList()))
                .ToList());
    }
}
