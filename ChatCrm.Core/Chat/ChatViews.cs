using System.Text.Json.Serialization;

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
    bool IsDeleted,
    ReplyQuote? ReplyTo = null,
    IReadOnlyList<ReactionView>? Reactions = null,
    bool Pinned = false,
    IReadOnlyList<Guid>? Mentions = null)
{
    [JsonIgnore]
    public IReadOnlyList<ReactionView> ReactionList => Reactions ?? [];

    public bool Mentioned(Guid userId) => Mentions?.Contains(userId) == true;

    /// <summary>The message in one short line, as the chat list and a notification show it.</summary>
    public string Summary() => IsDeleted ? MessageService.DeletedPreview : MessageAppender.Preview(Kind, Text, Attachment?.FileName);

    /// <summary>
    /// The view for a reader who sees the chat from <paramref name="visibleFrom"/> on: a live change goes to every
    /// member alike, and one who joined after the message a reply quotes must not read it in the quote.
    /// </summary>
    public MessageView ForReaderFrom(long visibleFrom) =>
        ReplyTo is null || ReplyTo.Seq >= visibleFrom ? this : this with { ReplyTo = ReplyTo.ForReaderFrom(visibleFrom) };
}

/// <summary>
/// The message a reply answers, as quoted above it. <paramref name="Hidden"/> when the reader may not see it (it is
/// older than their joining): the quote then names no one and shows no text.
/// </summary>
public sealed record ReplyQuote(Guid MessageId, long Seq, string SenderName, string Preview, bool IsDeleted, bool Hidden)
{
    public const string HiddenPreview = "An earlier message";

    public ReplyQuote ForReaderFrom(long visibleFrom) =>
        Seq >= visibleFrom || Hidden ? this : this with { SenderName = "", Preview = HiddenPreview, Hidden = true };
}

/// <summary>One emoji on a message: who put it there, in the order they did.</summary>
public sealed record ReactionView(string Emoji, IReadOnlyList<Guid> UserIds, IReadOnlyList<string> Names)
{
    [JsonIgnore]
    public int Count => UserIds.Count;
}

/// <summary>How far one member has read; the page derives sent/read ticks and "read by N" from these.</summary>
public sealed record ReaderMark(Guid UserId, string DisplayName, long LastReadSeq);

/// <param name="VisibleFrom">The first message the reader may see (later joiners see a group from their joining on).</param>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasOlder, IReadOnlyList<ReaderMark> Readers, long VisibleFrom = 0);

public sealed record MemberView(Guid UserId, string DisplayName, string? UserName, bool IsOwner, bool HasAvatar);

/// <param name="MayPin">The reader may pin and unpin messages here (Chat/PinService).</param>
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
    bool Muted,
    bool MayPin = false);

public sealed record PersonResult(Guid Id, string DisplayName, string? UserName, bool HasAvatar);

public sealed record MessageSearchHit(Guid ConversationId, string ChatTitle, Guid MessageId, long Seq, string SenderName, string Snippet, DateTimeOffset CreatedAt);
