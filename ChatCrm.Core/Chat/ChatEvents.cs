using System.Collections.Concurrent;

namespace ChatCrm.Core.Chat;

/// <summary>Something that happened in a chat, told to the open pages of the people it concerns.</summary>
public abstract record ChatEvent(Guid ConversationId);

public sealed record MessagePosted(Guid ConversationId, MessageView Message) : ChatEvent(ConversationId);

public sealed record MessageChanged(Guid ConversationId, MessageView Message) : ChatEvent(ConversationId);

public sealed record ReadAdvanced(Guid ConversationId, Guid ReaderId, long Seq) : ChatEvent(ConversationId);

public sealed record TypingChanged(Guid ConversationId, Guid UserId, string DisplayName, bool IsTyping) : ChatEvent(ConversationId);

/// <summary>Members, name or avatar changed, or the chat was hidden from someone's list.</summary>
public sealed record ConversationChanged(Guid ConversationId) : ChatEvent(ConversationId);

public sealed record PresenceChanged(Guid UserId, bool IsOnline, DateTimeOffset? LastSeenAt) : ChatEvent(Guid.Empty);

/// <summary>
/// The in-process hub between services and open pages (DESIGN.md "Live updates"): a page subscribes for its user,
/// a service publishes after saving. Handlers run on the publisher's thread, so each page marshals with InvokeAsync
/// and must not block. A failing handler is isolated from the others.
/// </summary>
public sealed class ChatEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<ChatEvent, Task>>> _byUser = new();

    public IDisposable Subscribe(Guid userId, Func<ChatEvent, Task> handler)
    {
        var token = Guid.NewGuid();
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(token, handler);
        return new Subscription(this, userId, token);
    }

    public int SubscriberCount(Guid userId) => _byUser.TryGetValue(userId, out var handlers) ? handlers.Count : 0;

    public async Task PublishAsync(IEnumerable<Guid> userIds, ChatEvent chatEvent)
    {
        var tasks = new List<Task>();
        foreach (var userId in userIds.Distinct())
        {
            if (!_byUser.TryGetValue(userId, out var handlers)) continue;
            foreach (var handler in handlers.Values) tasks.Add(Invoke(handler, chatEvent));
        }
        await Task.WhenAll(tasks);
    }

    private static async Task Invoke(Func<ChatEvent, Task> handler, ChatEvent chatEvent)
    {
        try
        {
            await handler(chatEvent);
        }
        catch (Exception)
        {
            // A closed or broken page must not stop the message reaching everyone else; pages report their own errors.
        }
    }

    private sealed class Subscription(ChatEvents owner, Guid userId, Guid token) : IDisposable
    {
        public void Dispose()
        {
            if (owner._byUser.TryGetValue(userId, out var handlers)) handlers.TryRemove(token, out _);
        }
    }
}
