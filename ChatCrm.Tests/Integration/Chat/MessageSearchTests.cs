namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// Searching messages in one chat or across one's chats, only within what the person may see. Every test runs both
/// ways the search can go (Data/MessageTextIndex): reading the person's messages, and through SQLite's text index.
/// </summary>
public abstract class MessageSearchTests(IReadOnlyDictionary<string, string?>? settings = null) : ChatTestBase(settings)
{
    /// <summary>Whether this run searches through the text index (else by reading each message).</summary>
    protected abstract bool ThroughTheIndex { get; }

    [Fact]
    public async Task TheSearchGoesTheWayItsRunSays()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "find me");
        Chat.Core.Sql.Clear();

        Assert.Single(await Chat.Messages.SearchAsync(Bob.Actor, "find"));

        Assert.Equal(ThroughTheIndex, Chat.Core.Sql.Commands.Any(c => c.Contains("\"message_search\" MATCH", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EditsAndDeletionsAreFoundAsTheyNowRead()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var message = await Chat.SayAsync(Ann, direct, "first wording");
        await Chat.Messages.EditAsync(Ann.Actor, message.Id, "better phrasing");

        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, "wording"));
        Assert.Equal([message.Id], (await Chat.Messages.SearchAsync(Bob.Actor, "phrasing")).Select(h => h.MessageId));

        await Chat.Messages.DeleteAsync(Ann.Actor, message.Id);
        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, "phrasing"));
    }

    [Theory]
    [InlineData("équipe", "Réunion de l'ÉQUIPE demain")]
    [InlineData("ИВАН", "привет, иван")]
    [InlineData("straße", "Hauptstraße 5")]
    [InlineData("🚀 lau", "the 🚀 launch")]
    public async Task CaseIsIgnoredBeyondAscii(string query, string text)
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, text);
        await Chat.SayAsync(Ann, direct, "something else");

        Assert.Equal([text], (await Chat.Messages.SearchAsync(Bob.Actor, query)).Select(h => h.Snippet));
    }

    [Fact]
    public async Task FewerThanThreeCharactersFindNothing()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "ink in a pen");

        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, "in"));
        Assert.Empty(await Chat.Messages.SearchAsync(Bob.Actor, " i "));
        Assert.Single(await Chat.Messages.SearchAsync(Bob.Actor, "ink"));
    }

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
    [InlineData("%%%", new string[0])]
    [InlineData("___", new string[0])]
    [InlineData("\"hi\"", new[] { "say \"hi\" now" })]
    [InlineData("b\" OR a", new string[0])]
    [InlineData("c:\\temp", new[] { "saved in c:\\temp\\x" })]
    [InlineData("[ab]", new[] { "regex [ab] class" })]
    public async Task WildcardsInTheQueryAreTakenLiterally(string query, string[] expected)
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        foreach (var text in new[] { "sale: 50% off", "500 units", "file a_b.txt", "file axb.txt", "saved in c:\\temp\\x", "c:temp", "regex [ab] class", "a b", "say \"hi\" now" })
        {
            await Chat.SayAsync(Ann, direct, text);
        }

        var hits = await Chat.Messages.SearchAsync(Bob.Actor, query, direct);

        Assert.Equal(expected, hits.Select(h => h.Snippet));
    }
}

/// <summary>Reading each message the person may see: how someone in few chats is searched.</summary>
public sealed class MessageSearchByReadingTests : MessageSearchTests
{
    protected override bool ThroughTheIndex => false;
}

/// <summary>Through SQLite's text index: how someone who sees more than <c>SearchScanMax</c> messages is searched.</summary>
public sealed class MessageSearchThroughTheIndexTests() : MessageSearchTests(new Dictionary<string, string?> { ["ChatCrm:Chat:SearchScanMax"] = "0" })
{
    protected override bool ThroughTheIndex => true;
}
