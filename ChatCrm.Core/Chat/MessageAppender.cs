using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Appends a message to a chat: takes the chat's next sequence number, stores the message and the chat's last-message
/// snapshot in one transaction, then tells the members' open pages. Save first, publish after: a message anyone sees
/// is already durable, and its sequence number is the order everyone sees.
/// </summary>
public sealed class MessageAppender(IDbContextFactory<ChatCrmDbContext> dbFactory, ChatEvents events, TimeProvider clock)
{
    public async Task<MessageView> AppendAsync(Guid conversationId, Guid? senderId, MessageKind kind, string? text, Attachment? attachment,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AppendAsync(db, conversationId, senderId, kind, text, attachment, cancellationToken);
    }

    /// <summary>On the caller's context, so a send's access check and its write share one connection.</summary>
    public async Task<MessageView> AppendAsync(ChatCrmDbContext db, Guid conversationId, Guid? senderId, MessageKind kind, string? text,
        Attachment? attachment, CancellationToken cancellationToken = default) =>
        await AppendAsync(db, conversationId, senderId, kind, text, attachment, MessageLinks.None, cancellationToken);

    /// <param name="links">The message it answers and the people it names, both checked by the caller.</param>
    public async Task<MessageView> AppendAsync(ChatCrmDbContext db, Guid conversationId, Guid? senderId, MessageKind kind, string? text,
        Attachment? attachment, MessageLinks links, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var preview = Preview(kind, text, attachment?.FileName);
        Message message;
        // All of it commits or none does; a savepoint around SaveChanges would only add two round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Takes the chat row's write lock first, so concurrent senders queue here and get 1, 2, 3...
            var seq = await RowCounter.IncrementAsync<Conversation>(db, c => c.LastSeq, conversationId, cancellationToken)
                ?? throw new ForbiddenException(ChatAccess.NotFound);
            message = new Message
            {
                ConversationId = conversationId,
                Seq = seq,
                SenderId = senderId,
                Kind = kind,
                Text = text,
                Attachment = attachment,
                CreatedAt = now,
                ReplyToId = links.ReplyTo?.MessageId,
                Mentions = links.Mentions is { Count: > 0 } mentions ? mentions.ToList() : null,
            };
            db.Messages.Add(message);
            // The chat's last-message snapshot and the sender's read mark are written by key, without reading the rows
            // first, so SaveChanges sends them in one batch with the message: one round trip for all three.
            db.UpdateColumns(new Conversation { Id = conversationId, LastActivityAt = now, LastMessageSenderId = senderId, LastMessagePreview = preview },
                c => c.LastActivityAt, c => c.LastMessageSenderId, c => c.LastMessagePreview);
            if (senderId is { } sender)
            {
                // Writing a message means having read everything before it.
                db.UpdateColumns(new Participant { ConversationId = conversationId, UserId = sender, LastReadSeq = seq, HiddenUpToSeq = null },
                    p => p.LastReadSeq, p => p.HiddenUpToSeq);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Who to tell, and the sender's name for the view, in one query.
        var members = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null)
            .Select(p => new { p.UserId, Name = p.UserId == senderId ? db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).FirstOrDefault() : null })
            .ToListAsync(cancellationToken);
        var senderName = senderId is null ? "" : members.FirstOrDefault(m => m.UserId == senderId)?.Name ?? ConversationService.DeletedUser;
        var view = MessageViews.From(message, senderName, links.ReplyTo);
        await events.PublishAsync(members.Select(m => m.UserId).ToList(), new MessagePosted(conversationId, view));
        return view;
    }

    /// <summary>A message in one short line: the chat list's last message, a notification's text.</summary>
    internal static string Preview(MessageKind kind, string? text, string? fileName)
    {
        var preview = kind switch
        {
            MessageKind.Image => "📷 " + (fileName ?? "Photo"),
            MessageKind.Video => "🎬 " + (fileName ?? "Video"),
            MessageKind.File => "📎 " + (fileName ?? "File"),
            _ => text ?? "",
        };
        preview = preview.ReplaceLineEndings(" ");
        return preview.Length <= Conversation.PreviewMax ? preview : preview[..(Conversation.PreviewMax - 1)] + "…";
    }
}

/// <summary>What a new message points at: the message it answers (as quoted) and the people it names.</summary>
public sealed record MessageLinks(ReplyQuote? ReplyTo, IReadOnlyList<Guid>? Mentions)
{
    public static readonly MessageLinks None = new(null, null);
}

/// <summary>The lines the app writes into a group: created, added, removed, left, renamed.</summary>
public sealed class SystemLines(MessageAppender appender)
{
    public Task<MessageView> WriteAsync(Guid conversationId, string text, CancellationToken cancellationToken = default) =>
        appender.AppendAsync(conversationId, null, MessageKind.System, text, null, cancellationToken);
}

internal static class MessageViews
{
    public static MessageView From(Message m, string senderName, ReplyQuote? replyTo = null, IReadOnlyList<ReactionView>? reactions = null) => new(
        m.Id, m.ConversationId, m.Seq, m.SenderId, senderName, m.Kind,
        m.DeletedAt is null ? m.Text : null,
        m.DeletedAt is null && m.Attachment is { } a ? new AttachmentView(a.FileName, a.ContentType, a.Size) : null,
        m.CreatedAt, m.EditedAt, m.DeletedAt is not null,
        replyTo, m.DeletedAt is null ? reactions : null, m.PinnedAt is not null && m.DeletedAt is null,
        m.DeletedAt is null ? m.Mentions : null);
}
