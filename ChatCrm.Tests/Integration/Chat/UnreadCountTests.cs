using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Unread counts per chat and in total: what the chat list and the navigation badge show.</summary>
public sealed class UnreadCountTests : ChatTestBase
{
    [Fact]
    public async Task OwnMessagesAndSystemLinesDoNotCount()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        await Chat.Chats.RenameAsync(Ann.Actor, group, "Sales team");
        Assert.Equal(0, await Chat.Chats.TotalUnreadAsync(Bob.Actor));

        await Chat.SayAsync(Bob, group, "mine");
        await Chat.SayAsync(Ann, group, "one");
        await Chat.SayAsync(Ann, group, "two");
        await Chat.SendPngAsync(Ann, group);

        Assert.Equal(3, await UnreadAsync(Bob, group));
        Assert.Equal(4, await UnreadAsync(Cy, group));
        Assert.Equal(0, await UnreadAsync(Ann, group));
        Assert.Equal(0, await Chat.Chats.TotalUnreadAsync(Ann.Actor));
    }

    [Fact]
    public async Task TheTotalAddsUpEveryChat()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob);
        var direct = await Chat.DirectAsync(Cy, Bob);
        await Chat.SayAsync(Ann, group, "a");
        await Chat.SayAsync(Ann, group, "b");
        await Chat.SayAsync(Cy, direct, "c");

        var list = await Chat.Chats.ListAsync(Bob.Actor);

        Assert.Equal([direct, group], list.Select(c => c.Id));
        Assert.Equal([1, 2], list.Select(c => c.UnreadCount));
        Assert.Equal(3, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
    }

    [Fact]
    public async Task MarkingReadLowersTheCountAndReadingNeverGoesBackwards()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var sent = new List<MessageView>();
        for (var i = 1; i <= 5; i++) sent.Add(await Chat.SayAsync(Ann, direct, $"line {i}"));
        var annSees = Chat.Listen(Ann);

        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, sent[2].Seq);
        Assert.Equal(2, await Chat.Chats.TotalUnreadAsync(Bob.Actor));

        // A late call from an older tab with a lower mark changes nothing and tells no one.
        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, sent[0].Seq);
        Assert.Equal(2, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
        Assert.Equal([sent[2].Seq], annSees.Of<ReadAdvanced>(direct).Select(r => r.Seq));

        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, sent[4].Seq);
        Assert.Equal(0, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
        var readers = (await Chat.Messages.GetPageAsync(Ann.Actor, direct)).Readers;
        Assert.Equal(sent[4].Seq, readers.Single(r => r.UserId == Bob.Id).LastReadSeq);
    }

    [Fact]
    public async Task MarkingReadPastTheNewestMessageDoesNotSwallowLaterOnes()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var last = await Chat.SayAsync(Ann, direct, "first");
        var annSees = Chat.Listen(Ann);

        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, last.Seq + 1000);
        await Chat.SayAsync(Ann, direct, "second");

        Assert.Equal(1, await UnreadAsync(Bob, direct));
        // Ann's ticks must not claim Bob has read what was not written yet.
        Assert.All(annSees.Of<ReadAdvanced>(direct), r => Assert.Equal(last.Seq, r.Seq));
        Assert.Equal(last.Seq, (await Chat.Messages.GetPageAsync(Ann.Actor, direct)).Readers.Single(r => r.UserId == Bob.Id).LastReadSeq);
    }

    [Fact]
    public async Task ReadMarksReachTheOtherMembersLive()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var message = await Chat.SayAsync(Ann, group, "read me");
        var annSees = Chat.Listen(Ann);
        var cySees = Chat.Listen(Cy);
        var bobsOtherTab = Chat.Listen(Bob);

        await Chat.Messages.MarkReadAsync(Bob.Actor, group, message.Seq);

        var expected = new ReadAdvanced(group, Bob.Id, message.Seq);
        Assert.Equal([expected], annSees.Of<ReadAdvanced>(group));
        Assert.Equal([expected], cySees.Of<ReadAdvanced>(group));
        // The reader's other tabs clear their badge too.
        Assert.Equal([expected], bobsOtherTab.Of<ReadAdvanced>(group));
    }

    [Fact]
    public async Task AHiddenChatComesBackUnreadWithTheNextMessage()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "before hiding");

        await Chat.Chats.HideAsync(Bob.Actor, direct);
        Assert.Empty(await Chat.Chats.ListAsync(Bob.Actor));
        Assert.Equal(0, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
        Assert.Single(await Chat.Chats.ListAsync(Ann.Actor));

        await Chat.SayAsync(Ann, direct, "are you there?");

        var back = Assert.Single(await Chat.Chats.ListAsync(Bob.Actor));
        Assert.Equal((direct, 1, "are you there?"), (back.Id, back.UnreadCount, back.Preview));
        Assert.Equal(1, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
        // Hiding forgets nothing: the history is still there.
        Assert.Equal(2, (await Chat.WholeHistoryAsync(Bob, direct)).Count);
    }

    [Fact]
    public async Task ADeletedMessageNoLongerCounts()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "keep");
        var oops = await Chat.SayAsync(Ann, direct, "oops, wrong chat");

        await Chat.Messages.DeleteAsync(Ann.Actor, oops.Id);

        Assert.Equal(1, await UnreadAsync(Bob, direct));
        Assert.Equal(1, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
    }

    private async Task<int> UnreadAsync(Person who, Guid chat) =>
        (await Chat.Chats.ListAsync(who.Actor)).Single(c => c.Id == chat).UnreadCount;
}
