namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Searching messages in one chat or across one's chats, only within what the person may see.</summary>
public sealed class MessageSearchTests : ChatTestBase
{
    [Fact]
    public async Task SearchFindsMessagesInOneChatOrAcrossAllOfOnesChats()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var group = await Chat.GroupAsync(Ann, "Billing", Bob, Cy);
        var inDirect = await Chat.SayAsync(Ann, direct, "The invoice 42 is paid");
        Chat.Clock.Advance(TimeSpan.FromSeconds(1));
        var inGroup = await Chat.SayAsync(Cy, group, "Who sends the INVOICE for March?");
        await Chat.SayAsync(Cy, group, "unrelated");
        var notMine = await Chat.DirectAsync(Ann, Cy);
        await Chat.SayAsync(Ann, notMine, "invoice between ann and cy");

        var everywhere = await Chat.Messages.SearchAsync(Bob.Actor, "invoice");
        var inOne = await Chat.Messages.SearchAsync(Bob.Actor, "  Invoice ", direct);

        Assert.Equal([inGroup.Id, inDirect.Id], everywhere.Select(h => h.MessageId));
        Assert.Equal([("Billing", Cy.Name, group, inGroup.Seq), (Ann.Name, Ann.Name, direct, inDirect.Seq)],
            everywhere.Select(h => (h.ChatTitle, h.SenderName, h.ConversationId, h.Seq)));
        Assert.Equal("The invoice 42 is paid", Assert.Single(inOne).Snippet);
        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, "i"));
    }

    [Fact]
    public async Task SearchStaysWithinWhatThePersonMaySee()
    {
        var group = await Chat.GroupAsync(Ann, "Ops", Bob);
        await Chat.SayAsync(Ann, group, "needle before cy joined");
        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [Cy.Id]);
        var seenByCy = await Chat.SayAsync(Ann, group, "needle while cy is here");
        await Chat.Chats.LeaveAsync(Cy.Actor, group);
        await Chat.SayAsync(Ann, group, "needle after cy left");
        var deleted = await Chat.SayAsync(Ann, group, "needle deleted");
        await Chat.Messages.DeleteAsync(Ann.Actor, deleted.Id);

        Assert.Equal([seenByCy.Id], (await Chat.Messages.SearchAsync(Cy.Actor, "needle")).Select(h => h.MessageId));
        Assert.Equal(3, (await Chat.Messages.SearchAsync(Bob.Actor, "needle")).Count);
        // System lines are the app's words, not messages to find.
        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, "added"));
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
        var direct = await Chat.DirectAsync(Ann, Bob);
        foreach (var text in new[] { "sale: 50% off", "500 units", "file a_b.txt", "file axb.txt", "saved in c:\\temp\\x", "c:temp", "regex [ab] class", "a b" })
        {
            await Chat.SayAsync(Ann, direct, text);
        }

        var hits = await Chat.Messages.SearchAsync(Bob.Actor, query, direct);

        Assert.Equal(expected, hits.Select(h => h.Snippet));
    }
}
