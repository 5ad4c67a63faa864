namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Searching messages in one chat or across one's chats, only within what the person may see.</summary>
public sealed class MessageSearchTests : IAsyncLifetime
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
    public async Task SearchFindsMessagesInOneChatOrAcrossAllOfOnesChats()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        var group = await _chat.GroupAsync(_ann, "Billing", _bob, _cy);
        var inDirect = await _chat.SayAsync(_ann, direct, "The invoice 42 is paid");
        _chat.Clock.Advance(TimeSpan.FromSeconds(1));
        var inGroup = await _chat.SayAsync(_cy, group, "Who sends the INVOICE for March?");
        await _chat.SayAsync(_cy, group, "unrelated");
        var notMine = await _chat.DirectAsync(_ann, _cy);
        await _chat.SayAsync(_ann, notMine, "invoice between ann and cy");

        var everywhere = await _chat.Messages.SearchAsync(_bob.Actor, "invoice");
        var inOne = await _chat.Messages.SearchAsync(_bob.Actor, "  Invoice ", direct);

        Assert.Equal([inGroup.Id, inDirect.Id], everywhere.Select(h => h.MessageId));
        Assert.Equal([("Billing", _cy.Name, group, inGroup.Seq), (_ann.Name, _ann.Name, direct, inDirect.Seq)],
            everywhere.Select(h => (h.ChatTitle, h.SenderName, h.ConversationId, h.Seq)));
        Assert.Equal("The invoice 42 is paid", Assert.Single(inOne).Snippet);
        Assert.Empty(await _chat.Messages.SearchAsync(_bob.Actor, "i"));
    }

    [Fact]
    public async Task SearchStaysWithinWhatThePersonMaySee()
    {
        var group = await _chat.GroupAsync(_ann, "Ops", _bob);
        await _chat.SayAsync(_ann, group, "needle before cy joined");
        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [_cy.Id]);
        var seenByCy = await _chat.SayAsync(_ann, group, "needle while cy is here");
        await _chat.Chats.LeaveAsync(_cy.Actor, group);
        await _chat.SayAsync(_ann, group, "needle after cy left");
        var deleted = await _chat.SayAsync(_ann, group, "needle deleted");
        await _chat.Messages.DeleteAsync(_ann.Actor, deleted.Id);

        Assert.Equal([seenByCy.Id], (await _chat.Messages.SearchAsync(_cy.Actor, "needle")).Select(h => h.MessageId));
        Assert.Equal(3, (await _chat.Messages.SearchAsync(_bob.Actor, "needle")).Count);
        // System lines are the app's words, not messages to find.
        Assert.Empty(await _chat.Messages.SearchAsync(_bob.Actor, "added"));
    }

    [Theory]
    [InlineData("50%", new[] { "sale: 50% off" })]
    [InlineData("a_b", new[] { "file a_b.txt" })]
    [InlineData("%%", new string[0])]
    [InlineData("__", new string[0])]
    [InlineData("c:\\temp", new[] { "saved in c:\\temp\\x" })]
    [InlineData("[ab]", new[] { "regex [ab] class" })]
    public async Task WildcardsInTheQueryAreTakenLiterally(string query, string[] expected)
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        foreach (var text in new[] { "sale: 50% off", "500 units", "file a_b.txt", "file axb.txt", "saved in c:\\temp\\x", "c:temp", "regex [ab] class", "a b" })
        {
            await _chat.SayAsync(_ann, direct, text);
        }

        var hits = await _chat.Messages.SearchAsync(_bob.Actor, query, direct);

        Assert.Equal(expected, hits.Select(h => h.Snippet));
    }
}
