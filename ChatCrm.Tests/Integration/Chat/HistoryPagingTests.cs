using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>History pages by key (the message sequence), never by offset, and only within what a person may see.</summary>
public sealed class HistoryPagingTests() : ChatTestBase(new Dictionary<string, string?> { ["ChatCrm:Chat:PageSize"] = "50" })
{
    [Fact]
    public async Task PagesGoBackByKeyAndNewMessagesDoNotShiftOlderPages()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        for (var i = 1; i <= 120; i++) await Chat.SayAsync(i % 2 == 0 ? Ann : Bob, direct, $"m{i}");
        Chat.Core.Sql.Clear();

        var newest = await Chat.Messages.GetPageAsync(Bob.Actor, direct);
        // Five more arrive while the person scrolls up: keyed pages do not move.
        for (var i = 121; i <= 125; i++) await Chat.SayAsync(Ann, direct, $"m{i}");
        var older = await Chat.Messages.GetPageAsync(Bob.Actor, direct, newest.Messages[0].Seq);
        var oldest = await Chat.Messages.GetPageAsync(Bob.Actor, direct, older.Messages[0].Seq);

        AssertPage(newest, 71, 120, hasOlder: true);
        AssertPage(older, 21, 70, hasOlder: true);
        AssertPage(oldest, 1, 20, hasOlder: false);
        AssertPage(await Chat.Messages.GetPageAsync(Bob.Actor, direct), 76, 125, hasOlder: true);
        Assert.Empty((await Chat.Messages.GetPageAsync(Bob.Actor, direct, 1)).Messages);
        var pageQueries = Chat.Core.Sql.Commands.Where(c => c.Contains("FROM \"messages\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pageQueries);
        Assert.DoesNotContain(pageQueries, q => q.Contains("OFFSET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageCarriesSenderNamesAndHowFarEachMemberHasRead()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var first = await Chat.SayAsync(Ann, direct, "hi");
        await Chat.SayAsync(Bob, direct, "hello");
        await Chat.SayAsync(Ann, direct, "how are you?");

        var page = await Chat.Messages.GetPageAsync(Ann.Actor, direct);

        Assert.Equal([Ann.Name, Bob.Name, Ann.Name], page.Messages.Select(m => m.SenderName));
        Assert.Equal(["hi", "hello", "how are you?"], page.Messages.Select(m => m.Text));
        Assert.False(page.HasOlder);
        // Sending means having read what came before; Bob has not seen Ann's last line.
        Assert.Equal(new[] { (Ann.Id, 3L), (Bob.Id, 2L) }.Order(), page.Readers.Select(r => (r.UserId, r.LastReadSeq)).Order());
        Assert.Equal(1, first.Seq);
    }

    [Fact]
    public async Task AMemberAddedLaterSeesOnlyMessagesFromJoiningOn()
    {
        var cy = await Chat.PersonAsync("Cy");
        var group = await Chat.GroupAsync(Ann, "Project", Bob);
        for (var i = 1; i <= 60; i++) await Chat.SayAsync(Bob, group, $"before {i}");
        var earlierFile = await Chat.SendPngAsync(Bob, group);

        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [cy.Id]);
        var addedLine = (await Chat.StoredMessagesAsync(group))[^1];
        var welcome = await Chat.SayAsync(Ann, group, "welcome cy");

        var page = await Chat.Messages.GetPageAsync(cy.Actor, group);
        Assert.Equal([addedLine.Seq, welcome.Seq], page.Messages.Select(m => m.Seq));
        Assert.False(page.HasOlder);
        Assert.Empty((await Chat.Messages.GetPageAsync(cy.Actor, group, addedLine.Seq)).Messages);
        Assert.Empty(await Chat.Messages.SearchAsync(cy.Actor, "before"));
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(cy.Actor, earlierFile.Id));
        Assert.Equal(1, (await Chat.Chats.ListAsync(cy.Actor)).Single().UnreadCount);
    }

    [Fact]
    public async Task SomeoneRemovedAndAddedBackDoesNotSeeWhatWasSaidWhileAway()
    {
        var cy = await Chat.PersonAsync("Cy");
        var group = await Chat.GroupAsync(Ann, "Project", Bob, cy);
        await Chat.Chats.RemoveMemberAsync(Ann.Actor, group, cy.Id);
        var whileAway = await Chat.SayAsync(Bob, group, "while cy was away");

        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [cy.Id]);
        var back = await Chat.SayAsync(Bob, group, "cy is back");

        var seen = await Chat.WholeHistoryAsync(cy, group);
        Assert.DoesNotContain(whileAway.Id, seen.Select(m => m.Id));
        Assert.Equal(back.Id, seen[^1].Id);
        await Chat.SayAsync(cy, group, "thanks");
    }

    private static void AssertPage(MessagePage page, long from, long to, bool hasOlder)
    {
        var expected = Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToList();
        Assert.Equal(expected, page.Messages.Select(m => m.Seq));
        Assert.Equal(expected.Select(s => $"m{s}"), page.Messages.Select(m => m.Text));
        Assert.Equal(hasOlder, page.HasOlder);
    }
}
