namespace ChatCrm.Core.Chat;

/// <summary>One row of a person's chat list.</summary>
public sealed record ChatListItem(
    Guid Id,
    ConversationKind Kind,
    string Title,
    Guid? OtherUserId,
    bool HasAvatar,
    string? Preview,
    DateTimeOffset LastActivityAt,
    int UnreadCount,
    bool Muted);

public sealed record AttachmentView(string FileName, string ContentType, long Size);

public sealed record MessageView(
    Guid Id,
    Guid ConversationId,
    long Seq,
    Guid? SenderId,
    string SenderName,
    MessageKind Kind,
    string? Text,
    AttachmentView? Attachment,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool IsDeleted);

/// <summary>How far one member has read; the page derives sent/read ticks and "read by N" from these.</summary>
public sealed record ReaderMark(Guid UserId, string DisplayName, long LastReadSeq);

public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasOlder, IReadOnlyList<ReaderMark> Readers);

public sealed record MemberView(Guid UserId, string DisplayName, string? UserName, bool IsOwner, bool HasAvatar);

/// <param name="OtherAccountDeleted">A one-to-one chat whose other person's account was deleted: it can be read, not written to.</param>
public sealed record ConversationDetails(
    Guid Id,
    ConversationKind Kind,
    string Title,
    Guid? OtherUserId,
    bool HasAvatar,
    bool IsMember,
    bool CanManage,
    IReadOnlyList<MemberView> Members,
    bool OtherAccountDeleted,
    bool Muted);

public sealed record PersonResult(Guid Id, string DisplayName, string? UserName, bool HasAvatar);

public sealed record MessageSearchHit(Guid ConversationId, string ChatTitle, Guid MessageId, long Seq, string SenderName, string Snippet, DateTimeOffset CreatedAt);
