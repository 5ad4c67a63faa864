using ChatCrm.Core.Chat;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The part of a chat's history a page holds, sorted by sequence number (the order everyone sees), and whether there is
/// more above it (older pages load as the reader scrolls up) or below it (after opening at an older search hit).
/// </summary>
internal sealed class MessageHistory
{
    private readonly List<MessageView> _messages = [];

    public IReadOnlyList<MessageView> Messages => _messages;

    public bool HasOlder { get; private set; }

    public bool HasNewer { get; private set; }

    public long? OldestSeq => _messages.Count == 0 ? null : _messages[0].Seq;

    public long? NewestSeq => _messages.Count == 0 ? null : _messages[^1].Seq;

    /// <param name="before">The bound the page was asked for (null: the newest page).</param>
    public void Start(MessagePage page, long? before)
    {
        _messages.AddRange(page.Messages);
        HasOlder = page.HasOlder;
        HasNewer = before is not null && ReachesBound(page, before.Value);
    }

    /// <summary>The page before the oldest message held.</summary>
    public void AddOlder(MessagePage page)
    {
        var oldest = OldestSeq ?? long.MaxValue;
        _messages.InsertRange(0, page.Messages.Where(m => m.Seq < oldest));
        HasOlder = page.HasOlder;
    }

    /// <summary>The page towards the newest, asked for with the bound <paramref name="before"/>.</summary>
    public void AddNewer(MessagePage page, long before)
    {
        var newest = NewestSeq ?? long.MinValue;
        _messages.AddRange(page.Messages.Where(m => m.Seq > newest));
        HasNewer = ReachesBound(page, before);
    }

    /// <summary>No more to load in that direction (the reader may no longer see it).</summary>
    public void StopLoading()
    {
        HasOlder = false;
        HasNewer = false;
    }

    /// <summary>Adds a message in its place, or replaces the one already held with its sequence number.</summary>
    public void Upsert(MessageView message)
    {
        if (_messages.Count == 0 || _messages[^1].Seq < message.Seq)
        {
            _messages.Add(message);
            return;
        }
        int low = 0, high = _messages.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_messages[middle].Seq < message.Seq) low = middle + 1;
            else high = middle;
        }
        if (low < _messages.Count && _messages[low].Seq == message.Seq) _messages[low] = message;
        else _messages.Insert(low, message);
    }

    /// <summary>A newer version of a message held (edited, deleted); one not held is ignored.</summary>
    public void Replace(MessageView message)
    {
        var index = _messages.FindIndex(m => m.Id == message.Id);
        if (index >= 0) _messages[index] = message;
    }

    // Sequence numbers have no gaps, so a page that stops short of its bound was the last one.
    private static bool ReachesBound(MessagePage page, long before) => page.Messages.Count > 0 && page.Messages[^1].Seq >= before - 1;
}
