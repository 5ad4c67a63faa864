using ChatCrm.Core.Chat;
using ChatCrm.Core.Cluster;

namespace ChatCrm.Tests.Unit.Cluster;

/// <summary>
/// Every chat event survives the trip between servers as JSON, whole: a new kind of event that is not named for the
/// relay ([JsonDerivedType] on ChatEvent) fails here instead of silently never reaching the other servers.
/// </summary>
public sealed class RelayedEventTests
{
    private static readonly Guid Chat = Guid.NewGuid();
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly MessageView Message = new(Guid.NewGuid(), Chat, 42, Person, "Ann Agent", MessageKind.Image, "caption <b>",
        new AttachmentView("photo.png", "image/png", 1234), DateTimeOffset.UtcNow, null, false);

    public static TheoryData<ChatEvent> EveryKindOfEvent() =>
    [
        new MessagePosted(Chat, Message),
        new MessageChanged(Chat, Message with { EditedAt = DateTimeOffset.UtcNow, Text = "edited" }),
        new ReadAdvanced(Chat, Person, 41),
        new TypingChanged(Chat, Person, "Ann Agent", true),
        new ConversationChanged(Chat),
        new PresenceChanged(Person, false, DateTimeOffset.UtcNow),
        new EventsMissed(),
        new TicketChanged(Guid.NewGuid()),
    ];

    [Theory]
    [MemberData(nameof(EveryKindOfEvent))]
    public void AnEventComesOutAsItWentIn(ChatEvent chatEvent)
    {
        var origin = Guid.NewGuid();

        var back = RelayedEvent.FromJson(new RelayedEvent(origin, [Person], chatEvent).ToJson())!;

        Assert.Equal(origin, back.Origin);
        Assert.Equal([Person], back.UserIds);
        Assert.Equal(chatEvent, back.Event);
    }

    [Fact]
    public void EveryKindOfEventIsCoveredAbove()
    {
        var kinds = typeof(ChatEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ChatEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(kinds, ((IEnumerable<object[]>)EveryKindOfEvent()).Select(row => row[0].GetType()).ToHashSet());
    }

    [Fact]
    public void ACatchUpCarriesNoEvent() => Assert.Null(RelayedEvent.FromJson(RelayedEvent.CatchUp(Guid.NewGuid()).ToJson())!.Event);
}
