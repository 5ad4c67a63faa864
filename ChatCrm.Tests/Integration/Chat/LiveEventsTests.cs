using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>What open pages are told: new messages (the sender's other tabs too), typing, and nothing to strangers.</summary>
public sealed class LiveEventsTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;
    private Person _cy = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync();
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
        _cy = await _chat.PersonAsync("Cy");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task AMessageIsSavedBeforeAnyPageIsToldOfIt()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        var storedWhenTold = new List<bool>();
        using var bobPage = _chat.Events.Subscribe(_bob.Id, async e =>
        {
            if (e is MessagePosted posted)
                storedWhenTold.Add((await _chat.StoredMessagesAsync(direct)).Any(m => m.Id == posted.Message.Id));
        });
        var annOtherTab = _chat.Listen(_ann);
        var cySees = _chat.Listen(_cy);

        var sent = await _chat.SayAsync(_ann, direct, "durable first");

        Assert.Equal([true], storedWhenTold);
        Assert.Equal([sent], annOtherTab.Posted(direct));
        Assert.Empty(cySees.All);
    }

    [Fact]
    public async Task TypingReachesTheOtherMembersOnlyAndClears()
    {
        var group = await _chat.GroupAsync(_ann, "Desk", _bob);
        var annSees = _chat.Listen(_ann);
        var bobSees = _chat.Listen(_bob);
        var cySees = _chat.Listen(_cy);

        await _chat.Messages.SetTypingAsync(_ann.Actor, group, true);
        await _chat.Messages.SetTypingAsync(_ann.Actor, group, false);

        Assert.Equal([new TypingChanged(group, _ann.Id, _ann.Name, true), new TypingChanged(group, _ann.Id, _ann.Name, false)], bobSees.Of<TypingChanged>(group));
        Assert.Empty(annSees.All);
        Assert.Empty(cySees.All);
        // Typing is told, never stored.
        Assert.DoesNotContain(await _chat.StoredMessagesAsync(group), m => m.Kind != MessageKind.System);
    }
}
