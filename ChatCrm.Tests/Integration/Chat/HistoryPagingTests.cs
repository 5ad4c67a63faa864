using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>History pages by key (the message sequence), never by offset, and only within what a person may see.</summary>
public sealed class HistoryPagingTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync(new Dictionary<string, string?> { ["ChatCrm:Chat:PageSize"] = "50" });
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task PagesGoBackByKeyAndNewMessagesDoNotShiftOlderPages()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        for (var i = 1; i <= 120; i++) await _chat.SayAsync(i % 2 == 0 ? _ann : _bob, direct, $"m{i}");
        _chat.Core.Sql.Clear();

        var newest = await _chat.Messages.GetPageAsync(_bob.Actor, direct);
        // Five more arrive while the person scrolls up: keyed pages do not move.
        for (var i = 121; i <= 125; i++) await _chat.SayAsync(_ann, direct, $"m{i}");
        var older = await _chat.Messages.GetPageAsync(_bob.Actor, direct, newest.Messages[0].Seq);
        var oldest = await _chat.Messages.GetPageAsync(_bob.Actor, direct, older.Messages[0].Seq);

        AssertPage(newest, 71, 120, hasOlder: true);
        AssertPage(older, 21, 70, hasOlder: true);
        AssertPage(oldest, 1, 20, hasOlder: false);
        AssertPage(await _chat.Messages.GetPageAsync(_bob.Actor, direct), 76, 125, hasOlder: true);
        Assert.Empty((await _chat.Messages.GetPageAsync(_bob.Actor, direct, 1)).Messages);
        var pageQueries = _chat.Core.Sql.Commands.Where(c => c.Contains("FROM \"messages\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pageQueries);
        Assert.DoesNotContain(pageQueries, q => q.Contains("OFFSET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageCarriesSenderNamesAndHowFarEachMemberHasRead()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        var first = await _chat.SayAsync(_ann, direct, "hi");
        await _chat.SayAsync(_bob, direct, "hello");
        await _chat.SayAsync(_ann, direct, "how are you?");

        var page = await _chat.Messages.GetPageAsync(_ann.Actor, direct);

        Assert.Equal([_ann.Name, _bob.Name, _ann.Name], page.Messages.Select(m => m.SenderName));
        Assert.Equal(["hi", "hello", "how are you?"], page.Messages.Select(m => m.Text));
        Assert.False(page.HasOlder);
        // Sending means having read what came before; Bob has not seen Ann's last line.
        Assert.Equal(new[] { (_ann.Id, 3L), (_bob.Id, 2L) }.Order(), page.Readers.Select(r => (r.UserId, r.LastReadSeq)).Order());
        Assert.Equal(1, first.Seq);
    }

    [Fact]
    public async Task AMemberAddedLaterSeesOnlyMessagesFromJoiningOn()
    {
        var cy = await _chat.PersonAsync("Cy");
        var group = await _chat.GroupAsync(_ann, "Project", _bob);
        for (var i = 1; i <= 60; i++) await _chat.SayAsync(_bob, group, $"before {i}");
        var earlierFile = await _chat.SendPngAsync(_bob, group);

        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [cy.Id]);
        var addedLine = (await _chat.StoredMessagesAsync(group))[^1];
        var welcome = await _chat.SayAsync(_ann, group, "welcome cy");

        var page = await _chat.Messages.GetPageAsync(cy.Actor, group);
        Assert.Equal([addedLine.Seq, welcome.Seq], page.Messages.Select(m => m.Seq));
        Assert.False(page.HasOlder);
        Assert.Empty((await _chat.Messages.GetPageAsync(cy.Actor, group, addedLine.Seq)).Messages);
        Assert.Empty(await _chat.Messages.SearchAsync(cy.Actor, "before"));
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(cy.Actor, earlierFile.Id));
        Assert.Equal(1, (await _chat.Chats.ListAsync(cy.Actor)).Single().UnreadCount);
    }

    [Fact]
    public async Task SomeoneRemovedAndAddedBackDoesNotSeeWhatWasSaidWhileAway()
    {
        var cy = await _chat.PersonAsync("Cy");
        var group = await _chat.GroupAsync(_ann, "Project", _bob, cy);
        await _chat.Chats.RemoveMemberAsync(_ann.Actor, group, cy.Id);
        var whileAway = await _chat.SayAsync(_bob, group, "while cy was away");

        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [cy.Id]);
        var back = await _chat.SayAsync(_bob, group, "cy is back");

        var seen = await _chat.WholeHistoryAsync(cy, group);
        Assert.DoesNotContain(whileAway.Id, seen.Select(m => m.Id));
        Assert.Equal(back.Id, seen[^1].Id);
        await _chat.SayAsync(cy, group, "thanks");
    }

    private static void AssertPage(MessagePage page, long from, long to, bool hasOlder)
    {
        var expected = Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToList();
        Assert.Equal(expected, page.Messages.Select(m => m.Seq));
        Assert.Equal(expected.Select(s => $"m{s}"), page.Messages.Select(m => m.Text));
        Assert.Equal(hasOlder, page.HasOlder);
    }
}
