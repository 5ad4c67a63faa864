using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Unread counts per chat and in total: what the chat list and the navigation badge show.</summary>
public sealed class UnreadCountTests : IAsyncLifetime
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
    public async Task OwnMessagesAndSystemLinesDoNotCount()
    {
        var group = await _chat.GroupAsync(_ann, "Sales", _bob, _cy);
        await _chat.Chats.RenameAsync(_ann.Actor, group, "Sales team");
        Assert.Equal(0, await _chat.Chats.TotalUnreadAsync(_bob.Actor));

        await _chat.SayAsync(_bob, group, "mine");
        await _chat.SayAsync(_ann, group, "one");
        await _chat.SayAsync(_ann, group, "two");
        await _chat.SendPngAsync(_ann, group);

        Assert.Equal(3, await UnreadAsync(_bob, group));
        Assert.Equal(4, await UnreadAsync(_cy, group));
        Assert.Equal(0, await UnreadAsync(_ann, group));
        Assert.Equal(0, await _chat.Chats.TotalUnreadAsync(_ann.Actor));
    }

    [Fact]
    public async Task TheTotalAddsUpEveryChat()
    {
        var group = await _chat.GroupAsync(_ann, "Sales", _bob);
        var direct = await _chat.DirectAsync(_cy, _bob);
        await _chat.SayAsync(_ann, group, "a");
        await _chat.SayAsync(_ann, group, "b");
        await _chat.SayAsync(_cy, direct, "c");

        var list = await _chat.Chats.ListAsync(_bob.Actor);

        Assert.Equal([direct, group], list.Select(c => c.Id));
        Assert.Equal([1, 2], list.Select(c => c.UnreadCount));
        Assert.Equal(3, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
    }

    [Fact]
    public async Task MarkingReadLowersTheCountAndReadingNeverGoesBackwards()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        var sent = new List<MessageView>();
        for (var i = 1; i <= 5; i++) sent.Add(await _chat.SayAsync(_ann, direct, $"line {i}"));
        var annSees = _chat.Listen(_ann);

        await _chat.Messages.MarkReadAsync(_bob.Actor, direct, sent[2].Seq);
        Assert.Equal(2, await _chat.Chats.TotalUnreadAsync(_bob.Actor));

        // A late call from an older tab with a lower mark changes nothing and tells no one.
        await _chat.Messages.MarkReadAsync(_bob.Actor, direct, sent[0].Seq);
        Assert.Equal(2, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
        Assert.Equal([sent[2].Seq], annSees.Of<ReadAdvanced>(direct).Select(r => r.Seq));

        await _chat.Messages.MarkReadAsync(_bob.Actor, direct, sent[4].Seq);
        Assert.Equal(0, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
        var readers = (await _chat.Messages.GetPageAsync(_ann.Actor, direct)).Readers;
        Assert.Equal(sent[4].Seq, readers.Single(r => r.UserId == _bob.Id).LastReadSeq);
    }

    [Fact]
    public async Task MarkingReadPastTheNewestMessageDoesNotSwallowLaterOnes()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        var last = await _chat.SayAsync(_ann, direct, "first");
        var annSees = _chat.Listen(_ann);

        await _chat.Messages.MarkReadAsync(_bob.Actor, direct, last.Seq + 1000);
        await _chat.SayAsync(_ann, direct, "second");

        Assert.Equal(1, await UnreadAsync(_bob, direct));
        // Ann's ticks must not claim Bob has read what was not written yet.
        Assert.All(annSees.Of<ReadAdvanced>(direct), r => Assert.Equal(last.Seq, r.Seq));
        Assert.Equal(last.Seq, (await _chat.Messages.GetPageAsync(_ann.Actor, direct)).Readers.Single(r => r.UserId == _bob.Id).LastReadSeq);
    }

    [Fact]
    public async Task ReadMarksReachTheOtherMembersLive()
    {
        var group = await _chat.GroupAsync(_ann, "Sales", _bob, _cy);
        var message = await _chat.SayAsync(_ann, group, "read me");
        var annSees = _chat.Listen(_ann);
        var cySees = _chat.Listen(_cy);
        var bobsOtherTab = _chat.Listen(_bob);

        await _chat.Messages.MarkReadAsync(_bob.Actor, group, message.Seq);

        var expected = new ReadAdvanced(group, _bob.Id, message.Seq);
        Assert.Equal([expected], annSees.Of<ReadAdvanced>(group));
        Assert.Equal([expected], cySees.Of<ReadAdvanced>(group));
        // The reader's other tabs clear their badge too.
        Assert.Equal([expected], bobsOtherTab.Of<ReadAdvanced>(group));
    }

    [Fact]
    public async Task AHiddenChatComesBackUnreadWithTheNextMessage()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        await _chat.SayAsync(_ann, direct, "before hiding");

        await _chat.Chats.HideAsync(_bob.Actor, direct);
        Assert.Empty(await _chat.Chats.ListAsync(_bob.Actor));
        Assert.Equal(0, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
        Assert.Single(await _chat.Chats.ListAsync(_ann.Actor));

        await _chat.SayAsync(_ann, direct, "are you there?");

        var back = Assert.Single(await _chat.Chats.ListAsync(_bob.Actor));
        Assert.Equal((direct, 1, "are you there?"), (back.Id, back.UnreadCount, back.Preview));
        Assert.Equal(1, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
        // Hiding forgets nothing: the history is still there.
        Assert.Equal(2, (await _chat.WholeHistoryAsync(_bob, direct)).Count);
    }

    [Fact]
    public async Task ADeletedMessageNoLongerCounts()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        await _chat.SayAsync(_ann, direct, "keep");
        var oops = await _chat.SayAsync(_ann, direct, "oops, wrong chat");

        await _chat.Messages.DeleteAsync(_ann.Actor, oops.Id);

        Assert.Equal(1, await UnreadAsync(_bob, direct));
        Assert.Equal(1, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
    }

    private async Task<int> UnreadAsync(Person who, Guid chat) =>
        (await _chat.Chats.ListAsync(who.Actor)).Single(c => c.Id == chat).UnreadCount;
}
