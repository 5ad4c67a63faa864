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
        var now = clock.GetUtcNow();
        var preview = Preview(kind, text, attachment);
        Message message;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The update takes the chat row's write lock first, so concurrent senders queue here and get 1, 2, 3...
            await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.LastSeq, c => c.LastSeq + 1)
                .SetProperty(c => c.LastActivityAt, now)
                .SetProperty(c => c.LastMessageSenderId, senderId)
                .SetProperty(c => c.LastMessagePreview, preview), cancellationToken);
            var seq = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSeq).FirstAsync(cancellationToken);
            message = new Message
            {
                ConversationId = conversationId,
                Seq = seq,
                SenderId = senderId,
                Kind = kind,
                Text = text,
                Attachment = attachment,
                CreatedAt = now,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            if (senderId is { } sender)
            {
                // Writing a message means having read everything before it.
                await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId == sender)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.LastReadSeq, seq).SetProperty(p => p.HiddenUpToSeq, (long?)null), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var senderName = senderId is { } id ? await ConversationService.NameOfAsync(db, id, cancellationToken) : "";
        var view = MessageViews.From(message, senderName);
        var members = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null).Select(p => p.UserId).ToListAsync(cancellationToken);
        await events.PublishAsync(members, new MessagePosted(conversationId, view));
        return view;
    }

    internal static string Preview(MessageKind kind, string? text, Attachment? attachment)
    {
        var preview = kind switch
        {
            MessageKind.Image => "📷 " + (attachment?.FileName ?? "Photo"),
            MessageKind.Video => "🎬 " + (attachment?.FileName ?? "Video"),
            MessageKind.File => "📎 " + (attachment?.FileName ?? "File"),
            _ => text ?? "",
        };
        preview = preview.ReplaceLineEndings(" ");
        return preview.Length <= Conversation.PreviewMax ? preview : preview[..(Conversation.PreviewMax - 1)] + "…";
    }
}

/// <summary>The lines the app writes into a group: created, added, removed, left, renamed.</summary>
public sealed class SystemLines(MessageAppender appender)
{
    public Task<MessageView> WriteAsync(Guid conversationId, string text, CancellationToken cancellationToken = default) =>
        appender.AppendAsync(conversationId, null, MessageKind.System, text, null, cancellationToken);
}

internal static class MessageViews
{
    public static MessageView From(Message m, string senderName) => new(
        m.Id, m.ConversationId, m.Seq, m.SenderId, senderName, m.Kind,
        m.DeletedAt is null ? m.Text : null,
        m.DeletedAt is null && m.Attachment is { } a ? new AttachmentView(a.FileName, a.ContentType, a.Size) : null,
        m.CreatedAt, m.EditedAt, m.DeletedAt is not null);
}
