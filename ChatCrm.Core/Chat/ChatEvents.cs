using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Something that happened in a chat, told to the open pages of the people it concerns. Behind several servers each
/// event also travels as JSON to the others (<see cref="IChatEventRelay"/>), hence the type names.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessagePosted), "posted")]
[JsonDerivedType(typeof(MessageChanged), "changed")]
[JsonDerivedType(typeof(ReadAdvanced), "read")]
[JsonDerivedType(typeof(TypingChanged), "typing")]
[JsonDerivedType(typeof(ConversationChanged), "conversation")]
[JsonDerivedType(typeof(PresenceChanged), "presence")]
[JsonDerivedType(typeof(EventsMissed), "missed")]
[JsonDerivedType(typeof(TicketChanged), "ticket")]
public abstract record ChatEvent(Guid ConversationId);

public sealed record MessagePosted(Guid ConversationId, MessageView Message) : ChatEvent(ConversationId);

public sealed record MessageChanged(Guid ConversationId, MessageView Message) : ChatEvent(ConversationId);

public sealed record ReadAdvanced(Guid ConversationId, Guid ReaderId, long Seq) : ChatEvent(ConversationId);

public sealed record TypingChanged(Guid ConversationId, Guid UserId, string DisplayName, bool IsTyping) : ChatEvent(ConversationId);

/// <summary>Members, name or avatar changed, or the chat was hidden from someone's list.</summary>
public sealed record ConversationChanged(Guid ConversationId) : ChatEvent(ConversationId);

public sealed record PresenceChanged(Guid UserId, bool IsOnline, DateTimeOffset? LastSeenAt) : ChatEvent(Guid.Empty);

/// <summary>
/// A ticket was opened, answered, changed or deleted: its page, the ticket lists and the dashboard read it again. The
/// same hub as the chat's (and the same relay between servers): a page has one live line to the server.
/// </summary>
public sealed record TicketChanged(Guid TicketId) : ChatEvent(Guid.Empty);

/// <summary>
/// Events may not have reached this page (its server lost the link to the other servers for a while, or another
/// server did): whatever it shows from chats, it reads again.
/// </summary>
public sealed record EventsMissed() : ChatEvent(Guid.Empty);

/// <summary>
/// The hub between services and open pages (DESIGN.md "Live updates"): a page subscribes for its user, a service
/// publishes after saving. This server's pages get the event first, then the relay carries it to the other servers'
/// pages (nothing on one server). Handlers run on the publisher's thread, so each page marshals with InvokeAsync and
/// must not block. A failing handler is isolated from the others.
/// </summary>
public sealed class ChatEvents(IChatEventRelay relay)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<ChatEvent, Task>>> _byUser = new();

    public IDisposable Subscribe(Guid userId, Func<ChatEvent, Task> handler)
    {
        var token = Guid.NewGuid();
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(token, handler);
        return new Subscription(this, userId, token);
    }

    public int SubscriberCount(Guid userId) => _byUser.TryGetValue(userId, out var handlers) ? handlers.Count : 0;

    /// <summary>Tells the people's open pages, here and on every other server.</summary>
    public async Task PublishAsync(IEnumerable<Guid> userIds, ChatEvent chatEvent)
    {
        var people = userIds.Distinct().ToList();
        await DeliverHereAsync(people, chatEvent);
        await relay.SendAsync(people, chatEvent);
    }

    /// <summary>Tells this server's open pages only: an event another server relayed, or one about this server.</summary>
    public async Task DeliverHereAsync(IReadOnlyCollection<Guid> userIds, ChatEvent chatEvent)
    {
        var tasks = new List<Task>();
        foreach (var userId in userIds)
        {
            if (!_byUser.TryGetValue(userId, out var handlers)) continue;
            foreach (var handler in handlers.Values) tasks.Add(Invoke(handler, chatEvent));
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>Tells every open page on this server (<see cref="EventsMissed"/>).</summary>
    public Task DeliverToEveryoneHereAsync(ChatEvent chatEvent) => DeliverHereAsync(_byUser.Keys.ToList(), chatEvent);

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
