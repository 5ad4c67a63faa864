using ChatCrm.Core.Chat;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// How one message shows in a conversation: everything <see cref="MessageList"/> decides for it, handed to
/// <see cref="MessageItem"/> as one parameter. Each component parameter is a frame in the list's render tree, which
/// every circuit keeps twice (current and previous); twelve per message made that tree outgrow its 1,024-frame buffer
/// with a page of history. Compared by value, so a row that did not change does not render again.
/// </summary>
/// <param name="ShowSender">First of a run from one sender in a group: name and avatar show.</param>
/// <param name="Clock">The time of day, already in the reader's zone (<see cref="Shared.ReaderClock"/>).</param>
/// <param name="Tick">"Sent", "Read" or "Read by N" on one's own messages; null on others'.</param>
/// <param name="ReadBy">Who read it, in a group, for the list shown on demand.</param>
/// <param name="Reader">Who is reading: their reactions show as chosen.</param>
/// <param name="Mentioned">The user names the message mentions, to highlight; null when it mentions no one.</param>
/// <param name="CanOpenTicket">Staff in a client's chat: a ticket for the client can start from the message.</param>
/// <param name="CanAnswer">Reply and react: the reader may write in the chat and it is a person's message still there.</param>
public sealed record MessageRow(MessageView Message, bool Mine, bool InGroup, bool ShowSender, bool SenderHasAvatar, string Clock,
    string? Tick, ReaderNames? ReadBy, bool CanEdit, bool CanDelete,
    Guid Reader = default, MentionNames? Mentioned = null, bool CanAnswer = false, bool CanPin = false, bool CanOpenTicket = false)
{
    public bool MentionsReader => Message.Mentioned(Reader);
}

/// <summary>The user names a message mentions and the reader's own, compared by value like <see cref="ReaderNames"/>.</summary>
public sealed record MentionNames(IReadOnlyList<string> UserNames, string? ReaderUserName)
{
    public bool Equals(MentionNames? other) => other is not null && ReaderUserName == other.ReaderUserName && UserNames.SequenceEqual(other.UserNames);

    public override int GetHashCode() => UserNames.Count;
}

/// <summary>
/// Who read a group message, in the order shown. Compared by the names, not the list instance: the conversation builds a
/// new list on every render, and the same readers must leave <see cref="MessageRow"/> equal.
/// </summary>
public sealed record ReaderNames(IReadOnlyList<string> Names)
{
    public bool Equals(ReaderNames? other) => other is not null && Names.SequenceEqual(other.Names);

    public override int GetHashCode() => Names.Count;
}

/// <summary>What a message's own buttons do; the list that shows it answers (and says how it went, through Outcomes).</summary>
public interface IMessageActions
{
    /// <summary>Saves new text; false when it was refused (the editor stays open with the text).</summary>
    Task<bool> EditAsync(MessageView message, string text);

    Task DeleteAsync(MessageView message);

    /// <summary>Starts an answer to the message in the composer.</summary>
    Task ReplyAsync(MessageView message);

    /// <summary>Adds the reader's emoji, or takes it back.</summary>
    Task ReactAsync(MessageView message, string emoji);

    Task SetPinnedAsync(MessageView message, bool pinned);

    /// <summary>Opens a person's card (their name or avatar was clicked).</summary>
    Task ShowPersonAsync(Guid userId);

    /// <summary>Shows an earlier message of this chat (a reply's original), loading older pages as needed.</summary>
    Task JumpToAsync(long seq);
}
