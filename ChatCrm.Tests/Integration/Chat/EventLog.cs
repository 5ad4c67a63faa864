using System.Collections.Concurrent;
using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// One subscription to <see cref="ChatEvents"/>, as an open page holds it, recording every event it is told of.
/// Services publish before they return, so once a call has returned its events are here.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly ConcurrentQueue<ChatEvent> _events = new();
    private readonly IDisposable _subscription;

    public EventLog(ChatEvents events, Guid userId)
    {
        _subscription = events.Subscribe(userId, e =>
        {
            _events.Enqueue(e);
            return Task.CompletedTask;
        });
    }

    public IReadOnlyList<ChatEvent> All => [.. _events];

    public IReadOnlyList<T> Of<T>(Guid conversationId) where T : ChatEvent => All.OfType<T>().Where(e => e.ConversationId == conversationId).ToList();

    /// <summary>The messages this page was told of in one chat, in the order it was told.</summary>
    public IReadOnlyList<MessageView> Posted(Guid conversationId) => Of<MessagePosted>(conversationId).Select(e => e.Message).ToList();

    public void Clear() => _events.Clear();

    public void Dispose() => _subscription.Dispose();
}
