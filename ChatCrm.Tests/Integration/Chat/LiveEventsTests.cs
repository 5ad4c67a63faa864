using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>What open pages are told: new messages (the sender's other tabs too), typing, and nothing to strangers.</summary>
public sealed class LiveEventsTests : ChatTestBase
{
    [Fact]
    public async Task AMessageIsSavedBeforeAnyPageIsToldOfIt()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var storedWhenTold = new List<bool>();
        using var bobPage = Chat.Events.Subscribe(Bob.Id, async e =>
        {
            if (e is MessagePosted posted)
                storedWhenTold.Add((await Chat.StoredMessagesAsync(direct)).Any(m => m.Id == posted.Message.Id));
        });
        var annOtherTab = Chat.Listen(Ann);
        var cySees = Chat.Listen(Cy);

        var sent = await Chat.SayAsync(Ann, direct, "durable first");

        Assert.Equal([true], storedWhenTold);
        Assert.Equal([sent], annOtherTab.Posted(direct));
        Assert.Empty(cySees.All);
    }

    [Fact]
    public async Task TypingReachesTheOtherMembersOnlyAndClears()
    {
        var group = await Chat.GroupAsync(Ann, "Desk", Bob);
        var annSees = Chat.Listen(Ann);
        var bobSees = Chat.Listen(Bob);
        var cySees = Chat.Listen(Cy);

        await Chat.Messages.SetTypingAsync(Ann.Actor, group, true);
        await Chat.Messages.SetTypingAsync(Ann.Actor, group, false);

        Assert.Equal([new TypingChanged(group, Ann.Id, Ann.Name, true), new TypingChanged(group, Ann.Id, Ann.Name, false)], bobSees.Of<TypingChanged>(group));
        Assert.Empty(annSees.All);
        Assert.Empty(cySees.All);
        // Typing is told, never stored.
        Assert.DoesNotContain(await Chat.StoredMessagesAsync(group), m => m.Kind != MessageKind.System);
    }
}
