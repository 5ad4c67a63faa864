using ChatCrm.Core.Common;

namespace ChatCrm.Core.Chat;

public enum ConversationKind
{
    Direct = 1,
    Group = 2,
}

/// <summary>
/// A chat: the <c>chats</c> document, with its participants (the embedded list, kept in <c>chat_participants</c>)
/// and a snapshot of the last message so the chat list needs no join over messages.
/// </summary>
public sealed class Conversation
{
    public const int NameMax = 80;
    public const int PreviewMax = 120;

    public Guid Id { get; set; } = Ids.New();

    public ConversationKind Kind { get; set; }

    /// <summary>Group name; one-to-one chats are named after the other person.</summary>
    public string? Name { get; set; }

    public string? AvatarFile { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For one-to-one chats, both user ids in order: a unique key, so opening a chat again finds the same one.</summary>
    public string? DirectKey { get; set; }

    /// <summary>The sequence number of the newest message; each message takes the next one, which fixes the order.</summary>
    public long LastSeq { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public Guid? LastMessageSenderId { get; set; }

    public string? LastMessagePreview { get; set; }

    public List<Participant> Participants { get; set; } = [];

    public static string DirectKeyFor(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}

/// <summary>One person in a chat, with how far they have read.</summary>
public sealed class Participant
{
    public Guid ConversationId { get; set; }

    public Guid UserId { get; set; }

    public bool IsOwner { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set when they left or were removed: they keep what they saw, and see nothing newer.</summary>
    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>The last message sequence they may see (set on leaving); null while a member.</summary>
    public long? VisibleUpToSeq { get; set; }

    /// <summary>Messages before this one are not theirs to see (a person added to a group sees it from then on).</summary>
    public long VisibleFromSeq { get; set; }

    public long LastReadSeq { get; set; }

    /// <summary>"Delete chat" hides it from their own list until a newer message arrives.</summary>
    public long? HiddenUpToSeq { get; set; }

    /// <summary>No notification or sound for this chat's messages; they still count as unread.</summary>
    public bool Muted { get; set; }

    /// <summary>The last message already listed in a digest mail to them: the next digest starts after it.</summary>
    public long DigestedUpToSeq { get; set; }

    public bool IsMember => LeftAt is null;
}

public enum MessageKind
{
    Text = 1,
    Image = 2,
    Video = 3,
    File = 4,
    /// <summary>A line the app writes: joins, leaves, renames.</summary>
    System = 5,
}

/// <summary>A chat message: the <c>messages</c> document. Ordered by <see cref="Seq"/> within its chat.</summary>
public sealed class Message
{
    public const int TextMax = 4000;

    public Guid Id { get; set; } = Ids.New();

    public Guid ConversationId { get; set; }

    public long Seq { get; set; }

    /// <summary>Null for system lines; a deleted account's messages keep the id of a user that no longer exists.</summary>
    public Guid? SenderId { get; set; }

    public MessageKind Kind { get; set; }

    public string? Text { get; set; }

    public Attachment? Attachment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The message this one answers, in the same chat; shown as a quote above it.</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>The people named with @user name who were in the group when it was sent (an embedded array).</summary>
    public List<Guid>? Mentions { get; set; }

    /// <summary>Set while the message is pinned to its chat (Chat/PinService).</summary>
    public DateTimeOffset? PinnedAt { get; set; }

    public Guid? PinnedBy { get; set; }
}

/// <summary>One person's emoji on a message: the <c>message_reactions</c> rows, one per person and emoji.</summary>
public sealed class Reaction
{
    public Guid MessageId { get; set; }

    public Guid UserId { get; set; }

    public string Emoji { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A file sent in a message, stored under uploads/chat with a random name.</summary>
public sealed class Attachment
{
    public const int FileNameMax = 200;

    public string StoredName { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }
}
