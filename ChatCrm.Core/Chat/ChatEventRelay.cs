namespace ChatCrm.Core.Chat;

/// <summary>
/// Carries chat events to the other servers' open pages (DESIGN.md "Live updates": Redis pub/sub behind this
/// interface). It never throws at the publisher: the event is stored and this server's pages have it; what could not
/// be carried is made up for by <see cref="EventsMissed"/> once the link is back.
/// </summary>
public interface IChatEventRelay
{
    Task SendAsync(IReadOnlyCollection<Guid> userIds, ChatEvent chatEvent);
}

/// <summary>One server: every open page is on this one, nothing to carry.</summary>
public sealed class NoRelay : IChatEventRelay
{
    public Task SendAsync(IReadOnlyCollection<Guid> userIds, ChatEvent chatEvent) => Task.CompletedTask;
}
