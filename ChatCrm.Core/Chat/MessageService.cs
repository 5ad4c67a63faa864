using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Chat;

/// <summary>Messages in one chat: history by key, sending, editing, deleting, read marks, search and files.</summary>
public sealed class MessageService(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    MessageAppender appender,
    ChatFileStore files,
    ChatEvents events,
    IOptions<ChatOptions> options,
    TimeProvider clock)
{
    public const string DeletedPreview = "Message deleted";

    /// <summary>A message search needs this many characters: the text index is made of three-character pieces.</summary>
    public const int SearchMinLength = MessageTextIndex.MinRunes;

    private const int SearchMaxHits = 50;

    /// <summary>
    /// A page of history, newest last: the newest page when <paramref name="beforeSeq"/> is null, else the page just
    /// older than that message. Keyed by sequence number, never by offset, so new messages never shift a page.
    /// </summary>
    public async Task<MessagePage> GetPageAsync(Actor actor, Guid conversationId, long? beforeSeq = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        var (visibleFrom, visibleTo) = ChatAccess.VisibleRange(me);
        var upper = Math.Min(visibleTo, (beforeSeq ?? long.MaxValue) - 1);
        var take = options.Value.PageSize;
        var rows = await (
            from m in db.Messages.AsNoTracking()
            where m.ConversationId == conversationId && m.Seq >= visibleFrom && m.Seq <= upper
            orderby m.Seq descending
            select new { Message = m, SenderName = db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault() })
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).Reverse()
            .Select(r => (r.Message, r.Message.SenderId is null ? "" : r.SenderName ?? ConversationService.DeletedUser))
            .ToList();
        var messages = await MessageViewReader.ViewsAsync(db, page, visibleFrom, cancellationToken);
        return new MessagePage(messages, rows.Count > take, await ReadersAsync(db, conversationId, visibleTo, cancellationToken), visibleFrom);
    }

    public Task<MessageView> SendTextAsync(Actor actor, Guid conversationId, string text, CancellationToken cancellationToken = default) =>
        SendTextAsync(actor, conversationId, text, replyToId: null, cancellationToken);

    /// <param name="replyToId">The message this one answers: one the sender may see in the same chat.</param>
    public async Task<MessageView> SendTextAsync(Actor actor, Guid conversationId, string text, Guid? replyToId, CancellationToken cancellationToken = default)
    {
        var body = text.Trim();
        if (body.Length == 0) throw new ChatRuleException("Write something first.");
        if (body.Length > Message.TextMax) throw new ChatRuleException($"A message has at most {Message.TextMax} characters; this one has {body.Length}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.WriterAsync(db, actor, conversationId, cancellationToken);
        var links = await LinksAsync(db, me, replyToId, body, cancellationToken);
        return await appender.AppendAsync(db, conversationId, actor.UserId, MessageKind.Text, body, null, links, cancellationToken);
    }

    /// <summary>Stores the file (checking type and size), then sends it with an optional caption.</summary>
    public async Task<MessageView> SendFileAsync(Actor actor, Guid conversationId, Stream content, string fileName, string? caption = null,
        Guid? replyToId = null, CancellationToken cancellationToken = default)
    {
        // The context holds no connection between queries, so keeping it across the upload ties up nothing.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.WriterAsync(db, actor, conversationId, cancellationToken);
        var text = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        if (text?.Length > Message.TextMax) throw new ChatRuleException($"A caption has at most {Message.TextMax} characters.");
        var links = await LinksAsync(db, me, replyToId, text, cancellationToken);
        var (attachment, kind) = await files.SaveAsync(content, fileName, cancellationToken);
        return await appender.AppendAsync(db, conversationId, actor.UserId, kind, text, attachment, links, cancellationToken);
    }

    public const string ReplyTargetGone = "The message you are answering is no longer there.";

    /// <summary>The quote of the message answered (checked: same chat, visible to the sender, not a system line) and who is mentioned.</summary>
    private static async Task<MessageLinks> LinksAsync(ChatCrmDbContext db, Participant me, Guid? replyToId, string? text, CancellationToken cancellationToken)
    {
        ReplyQuote? quote = null;
        if (replyToId is { } id)
        {
            var (from, to) = ChatAccess.VisibleRange(me);
            var answerable = db.Messages.Where(m => m.Id == id && m.ConversationId == me.ConversationId && m.Seq >= from && m.Seq <= to
                && m.Kind != MessageKind.System && m.DeletedAt == null);
            quote = await MessageViewReader.QuoteAsync(db, answerable, cancellationToken) ?? throw new ChatRuleException(ReplyTargetGone);
        }
        return new MessageLinks(quote, await Mentions.ResolveAsync(db, me.ConversationId, me.UserId, text, cancellationToken));
    }

    /// <summary>Changes the text of one's own text message; it shows as edited.</summary>
    public async Task<MessageView> EditAsync(Actor actor, Guid messageId, string text, CancellationToken cancellationToken = default)
    {
        var body = text.Trim();
        if (body.Length == 0) throw new ChatRuleException("A message cannot be empty; delete it instead.");
        if (body.Length > Message.TextMax) throw new ChatRuleException($"A message has at most {Message.TextMax} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await OwnMessageAsync(db, actor, messageId, cancellationToken);
        if (message.Kind != MessageKind.Text) throw new ChatRuleException("Only text messages can be edited.");
        message.Text = body;
        message.EditedAt = clock.GetUtcNow();
        // The highlight follows the text; nobody is alerted again for an edit.
        var mentioned = await Mentions.ResolveAsync(db, message.ConversationId, actor.UserId, body, cancellationToken);
        message.Mentions = mentioned.Count > 0 ? mentioned.ToList() : null;
        await db.SaveChangesAsync(cancellationToken);
        await RefreshPreviewAsync(db, message, MessageAppender.Preview(MessageKind.Text, body, null), cancellationToken);
        return await PublishChangeAsync(db, message, cancellationToken);
    }

    /// <summary>Deletes one's own message for everyone, within the time limit; the chat shows "message deleted".</summary>
    public async Task<MessageView> DeleteAsync(Actor actor, Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await OwnMessageAsync(db, actor, messageId, cancellationToken);
        var limit = TimeSpan.FromMinutes(options.Value.DeleteForEveryoneMinutes);
        if (clock.GetUtcNow() - message.CreatedAt > limit)
            throw new ChatRuleException($"Messages can be deleted for everyone only within {options.Value.DeleteForEveryoneMinutes} minutes of sending.");
        var stored = message.Attachment?.StoredName;
        message.DeletedAt = clock.GetUtcNow();
        message.Text = null;
        message.Attachment = null;
        // Nothing of it stays to show: not its mentions, its place among the pins or the reactions to it.
        message.Mentions = null;
        message.PinnedAt = null;
        message.PinnedBy = null;
        await db.Reactions.Where(r => r.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RefreshPreviewAsync(db, message, DeletedPreview, cancellationToken);
        if (stored is not null) files.Delete(stored);
        return await PublishChangeAsync(db, message, cancellationToken);
    }

    /// <summary>Marks the chat read up to a message the actor has on screen; read ticks reach the others at once.</summary>
    public async Task MarkReadAsync(Actor actor, Guid conversationId, long upToSeq, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        // Never past the newest message: a mark beyond it would count messages not yet written as read.
        var lastSeq = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSeq).FirstAsync(cancellationToken);
        var ceiling = Math.Min(Math.Min(upToSeq, lastSeq), me.VisibleUpToSeq ?? long.MaxValue);
        var changed = await db.Participants
            .Where(p => p.ConversationId == conversationId && p.UserId == actor.UserId && p.LastReadSeq < ceiling)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.LastReadSeq, ceiling), cancellationToken);
        if (changed == 0) return;
        var members = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null).Select(p => p.UserId).ToListAsync(cancellationToken);
        await events.PublishAsync(members, new ReadAdvanced(conversationId, actor.UserId, ceiling));
    }

    /// <summary>Tells the other members that the actor is (or stopped) typing. Nothing is stored.</summary>
    public async Task SetTypingAsync(Actor actor, Guid conversationId, bool isTyping, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ChatAccess.MembershipAsync(db, actor, conversationId, cancellationToken);
        var others = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null && p.UserId != actor.UserId)
            .Select(p => p.UserId).ToListAsync(cancellationToken);
        var name = await ConversationService.NameOfAsync(db, actor.UserId, cancellationToken);
        await events.PublishAsync(others, new TypingChanged(conversationId, actor.UserId, name, isTyping));
    }

    /// <summary>Messages containing the text, in one chat or all of the actor's chats, newest first, within what they may see.</summary>
    public async Task<IReadOnlyList<MessageSearchHit>> SearchAsync(Actor actor, string query, Guid? conversationId = null, int take = SearchMaxHits,
        CancellationToken cancellationToken = default)
    {
        var term = query.Trim();
        if (term.EnumerateRunes().Count() < SearchMinLength) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = actor.UserId;
        var ids = await MessageTextIndex.NewestVisibleAsync(db, me, term, conversationId, Math.Clamp(take, 1, SearchMaxHits), options.Value.SearchScanMax, cancellationToken);
        var hits = await (
            from m in db.Messages.AsNoTracking()
            where ids.Contains(m.Id)
            orderby m.CreatedAt descending
            select new
            {
                m.ConversationId,
                m.Id,
                m.Seq,
                m.Text,
                m.CreatedAt,
                Sender = db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(cancellationToken);

        var titles = new Dictionary<Guid, string>();
        foreach (var id in hits.Select(h => h.ConversationId).Distinct())
        {
            titles[id] = await TitleForAsync(db, id, me, cancellationToken);
        }
        return hits.Select(h => new MessageSearchHit(h.ConversationId, titles[h.ConversationId], h.Id, h.Seq, h.Sender ?? ConversationService.DeletedUser,
            Snippet(h.Text!, term), h.CreatedAt)).ToList();
    }

    /// <summary>The file of a message, if the actor may see that message; null otherwise (the endpoint answers 404).</summary>
    public async Task<(string Path, Attachment Attachment)?> OpenAttachmentAsync(Actor actor, Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from m in ChatAccess.VisibleMessages(db, actor.UserId).AsNoTracking()
            where m.Id == messageId && m.DeletedAt == null && m.Attachment != null
            select m.Attachment).FirstOrDefaultAsync(cancellationToken);
        return found is not null && files.PathOf(found.StoredName) is { } path ? (path, found) : null;
    }

    private static async Task<Message> OwnMessageAsync(ChatCrmDbContext db, Actor actor, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.SenderId != actor.UserId) throw new ForbiddenException("You can only change your own messages.");
        await ChatAccess.MembershipAsync(db, actor, message.ConversationId, cancellationToken);
        if (message.DeletedAt is not null) throw new ChatRuleException("That message was deleted.");
        return message;
    }

    /// <summary>
    /// The chat list previews the newest message; when that is the one changed, the preview follows, so a message
    /// deleted for everyone does not live on in everyone's list. A message appended meanwhile moved LastSeq on and
    /// owns the preview, so the condition leaves it alone.
    /// </summary>
    private static async Task RefreshPreviewAsync(ChatCrmDbContext db, Message message, string preview, CancellationToken cancellationToken) =>
        await db.Conversations.Where(c => c.Id == message.ConversationId && c.LastSeq == message.Seq)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastMessagePreview, preview), cancellationToken);

    private async Task<MessageView> PublishChangeAsync(ChatCrmDbContext db, Message message, CancellationToken cancellationToken)
    {
        var view = await MessageViewReader.ViewAsync(db, message, cancellationToken);
        await PublishChangeAsync(db, events, view, cancellationToken);
        return view;
    }

    /// <summary>Tells the chat's members' open pages that a message shows differently now (edited, reacted to, pinned).</summary>
    internal static async Task PublishChangeAsync(ChatCrmDbContext db, ChatEvents events, MessageView view, CancellationToken cancellationToken)
    {
        var members = await db.Participants.Where(p => p.ConversationId == view.ConversationId && p.LeftAt == null).Select(p => p.UserId).ToListAsync(cancellationToken);
        await events.PublishAsync(members, new MessageChanged(view.ConversationId, view));
    }

    /// <summary>
    /// How far each member has read, as far as the asker may see: for someone who left, only the people there at
    /// their line, with marks capped at it, since a mark past it would tell them the chat went on. In a one-to-one chat
    /// the other person counts even after their account was deleted: what they read stays read.
    /// </summary>
    private static async Task<IReadOnlyList<ReaderMark>> ReadersAsync(ChatCrmDbContext db, Guid conversationId, long visibleTo, CancellationToken cancellationToken) =>
        await (from p in db.Participants.AsNoTracking()
               where p.ConversationId == conversationId && p.VisibleFromSeq <= visibleTo
                   && (p.LeftAt == null || db.Conversations.Any(c => c.Id == conversationId && c.Kind == ConversationKind.Direct))
               select new ReaderMark(p.UserId,
                   db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? ConversationService.DeletedUser,
                   p.LastReadSeq < visibleTo ? p.LastReadSeq : visibleTo)).ToListAsync(cancellationToken);

    private static async Task<string> TitleForAsync(ChatCrmDbContext db, Guid conversationId, Guid me, CancellationToken cancellationToken)
    {
        var chat = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => new { c.Kind, c.Name }).FirstAsync(cancellationToken);
        if (chat.Kind == ConversationKind.Group) return chat.Name ?? "Group";
        var other = await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId != me).Select(p => p.UserId).FirstOrDefaultAsync(cancellationToken);
        return await ConversationService.NameOfAsync(db, other, cancellationToken);
    }

    private static string Snippet(string text, string term)
    {
        var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 40);
        var snippet = text.Substring(start, Math.Min(text.Length - start, 120)).ReplaceLineEndings(" ");
        return (start > 0 ? "…" : "") + snippet + (start + 120 < text.Length ? "…" : "");
    }
}
