using ChatCrm.Core.Chat;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// How far each other member has read, as the page knows it: from each history page, then live (<see cref="ReadTicks"/>).
/// A mark only moves forward, so marks arriving in any order give the same ticks.
/// </summary>
public sealed class ReadReceipts
{
    private readonly Dictionary<Guid, ReaderMark> _marks = [];

    public void Merge(IEnumerable<ReaderMark> marks)
    {
        foreach (var mark in marks) Keep(mark);
    }

    /// <returns>True when a tick may have changed.</returns>
    public bool Advance(ReadAdvanced read, IReadOnlyList<MemberView> members)
    {
        var name = _marks.TryGetValue(read.ReaderId, out var known) ? known.DisplayName
            : members.FirstOrDefault(m => m.UserId == read.ReaderId)?.DisplayName ?? "";
        return Keep(new ReaderMark(read.ReaderId, name, read.Seq));
    }

    /// <summary>"Sent", "Read" or "Read by N" (with who, in a group) on one's own messages; null on others'.</summary>
    public (string Text, ReaderNames? Names)? TickFor(MessageView message, Guid me, bool inGroup)
    {
        if (message.SenderId != me || message.IsDeleted) return null;
        var readers = _marks.Values.Where(r => r.UserId != me && r.LastReadSeq >= message.Seq);
        if (!inGroup) return (readers.Any() ? "Read" : "Sent", null);
        var names = readers.Select(r => r.DisplayName).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return names.Count == 0 ? ("Sent", null) : ($"Read by {names.Count}", new ReaderNames(names));
    }

    private bool Keep(ReaderMark mark)
    {
        if (_marks.TryGetValue(mark.UserId, out var known) && known.LastReadSeq >= mark.LastReadSeq) return false;
        _marks[mark.UserId] = mark;
        return true;
    }
}
