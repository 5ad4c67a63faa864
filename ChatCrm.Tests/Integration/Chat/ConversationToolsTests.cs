using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Replies, reactions, pins and @mentions in Core: who may do each, what every member sees, and live.</summary>
public sealed class ConversationToolsTests : ChatTestBase
{
    private ReactionService Reactions => Chat.Core.Get<ReactionService>();

    private PinService Pins => Chat.Core.Get<PinService>();

    [Fact]
    public async Task AReplyQuotesItsOriginalForEveryoneAndTheQuoteFollowsADeletion()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var original = await Chat.SayAsync(Ann, direct, "Can you send the contract?\nThe signed one.");
        var bobsPage = Chat.Listen(Bob);

        var reply = await Chat.Messages.SendTextAsync(Bob.Actor, direct, "Sent it an hour ago", original.Id);

        var quote = Assert.IsType<ReplyQuote>(reply.ReplyTo);
        Assert.Equal((original.Id, original.Seq, Ann.Name, "Can you send the contract? The signed one.", false), (quote.MessageId, quote.Seq, quote.SenderName, quote.Preview, quote.IsDeleted));
        Assert.Equal(original.Id, Assert.Single(bobsPage.Posted(direct)).ReplyTo?.MessageId);
        Assert.Equal(quote, (await Chat.WholeHistoryAsync(Ann, direct))[^1].ReplyTo);

        await Chat.Messages.DeleteAsync(Ann.Actor, original.Id);
        var shown = (await Chat.WholeHistoryAsync(Bob, direct))[^1].ReplyTo!;
        Assert.Equal((true, MessageService.DeletedPreview), (shown.IsDeleted, shown.Preview));
        // A deleted message is answered no more.
        var refused = await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Messages.SendTextAsync(Bob.Actor, direct, "Hm?", original.Id));
        Assert.Equal(MessageService.ReplyTargetGone, refused.Message);
    }

    [Fact]
    public async Task OnlyAMessageOfTheSameChatThatTheSenderMaySeeCanBeAnsweredAndLateJoinersSeeNoEarlierText()
    {
        var group = await Chat.GroupAsync(Ann, "Launch", Bob);
        var secret = await Chat.SayAsync(Ann, group, "Before Cy joins: budget is 40k");
        var elsewhere = await Chat.SayAsync(Ann, await Chat.DirectAsync(Ann, Bob), "Private");
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Messages.SendTextAsync(Bob.Actor, group, "Re", elsewhere.Id));
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Messages.SendTextAsync(Bob.Actor, group, "Re", Guid.NewGuid()));

        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [Cy.Id]);
        // Cy cannot answer what Cy cannot see...
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Messages.SendTextAsync(Cy.Actor, group, "Re", secret.Id));
        // ...and when Bob does, Cy's page shows that a reply was made to an earlier message, never its text.
        var cysPage = Chat.Listen(Cy);
        await Chat.Messages.SendTextAsync(Bob.Actor, group, "Agreed", secret.Id);
        var forCy = (await Chat.WholeHistoryAsync(Cy, group))[^1].ReplyTo!;
        Assert.Equal((true, "", ReplyQuote.HiddenPreview), (forCy.Hidden, forCy.SenderName, forCy.Preview));
        var page = await Chat.Messages.GetPageAsync(Cy.Actor, group);
        var live = Assert.Single(cysPage.Posted(group)).ForReaderFrom(page.VisibleFrom).ReplyTo!;
        Assert.Equal(ReplyQuote.HiddenPreview, live.Preview);
        Assert.Contains("budget", (await Chat.WholeHistoryAsync(Bob, group))[^1].ReplyTo!.Preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReactionsCountWhoReactedToggleAndReachEveryMembersPage()
    {
        var group = await Chat.GroupAsync(Ann, "Team", Bob, Cy);
        var message = await Chat.SayAsync(Ann, group, "We won the deal");
        var annsPage = Chat.Listen(Ann);

        await Reactions.ToggleAsync(Bob.Actor, message.Id, "👍");
        await Reactions.ToggleAsync(Cy.Actor, message.Id, "👍");
        var shown = await Reactions.ToggleAsync(Cy.Actor, message.Id, "❤️");

        Assert.Equal([("👍", 2), ("❤️", 1)], shown.ReactionList.Select(r => (r.Emoji, r.Count)));
        Assert.Equal([Bob.Name, Cy.Name], shown.ReactionList[0].Names);
        Assert.Equal(shown.ReactionList.Select(r => r.UserIds.Count), annsPage.Of<MessageChanged>(group)[^1].Message.ReactionList.Select(r => r.UserIds.Count));
        Assert.Equal(3, annsPage.Of<MessageChanged>(group).Count);

        // The same emoji again takes it back; the history reads the same as the live view.
        var after = await Reactions.ToggleAsync(Bob.Actor, message.Id, "👍");
        Assert.Equal([Cy.Id], after.ReactionList[0].UserIds);
        Assert.Equal(after.ReactionList.Select(r => (r.Emoji, r.Count)), (await Chat.WholeHistoryAsync(Ann, group))[^1].ReactionList.Select(r => (r.Emoji, r.Count)));
    }

    [Fact]
    public async Task ReactingAsksForAnOfferedEmojiOnAVisibleMessageOfAChatOneIsIn()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var message = await Chat.SayAsync(Ann, direct, "Hi");
        await Assert.ThrowsAsync<ChatRuleException>(() => Reactions.ToggleAsync(Bob.Actor, message.Id, "🦄"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reactions.ToggleAsync(Cy.Actor, message.Id, "👍"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reactions.ToggleAsync(Bob.Actor, Guid.NewGuid(), "👍"));

        await Reactions.ToggleAsync(Bob.Actor, message.Id, "😂");
        await Chat.Messages.DeleteAsync(Ann.Actor, message.Id);
        await Assert.ThrowsAsync<ChatRuleException>(() => Reactions.ToggleAsync(Bob.Actor, message.Id, "👍"));
        Assert.Equal(0, await Chat.Core.WithDbAsync(db => db.Reactions.CountAsync()));
    }

    [Fact]
    public async Task EitherPersonPinsInADirectChatOnlyOwnersAndAdminsInAGroupAndTheListShowsTheLatestFirst()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var first = await Chat.SayAsync(Ann, direct, "Address: 5 Main St");
        var second = await Chat.SayAsync(Ann, direct, "Door code 4411");
        await Pins.SetPinnedAsync(Bob.Actor, first.Id, pinned: true);
        Chat.Clock.Advance(TimeSpan.FromMinutes(1));
        var annsPage = Chat.Listen(Ann);
        Assert.True((await Pins.SetPinnedAsync(Ann.Actor, second.Id, pinned: true)).Pinned);
        Assert.True(annsPage.Of<MessageChanged>(direct)[^1].Message.Pinned);
        Assert.Equal([second.Id, first.Id], (await Pins.ListAsync(Bob.Actor, direct)).Select(m => m.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Pins.ListAsync(Cy.Actor, direct));

        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, admin);
        var plan = await Chat.SayAsync(Bob, group, "Plan is in the drive");
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Pins.SetPinnedAsync(Bob.Actor, plan.Id, pinned: true));
        Assert.Equal(PinService.GroupOwnersOnly, refused.Message);
        Assert.False((await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).MayPin);
        Assert.True((await Chat.Chats.GetDetailsAsync(admin.Actor, group)).MayPin);
        Assert.True((await Chat.Chats.GetDetailsAsync(Bob.Actor, direct)).MayPin);
        await Pins.SetPinnedAsync(Ann.Actor, plan.Id, pinned: true);
        await Pins.SetPinnedAsync(admin.Actor, plan.Id, pinned: false);
        Assert.Empty(await Pins.ListAsync(Bob.Actor, group));

        // A message deleted for everyone leaves the pinned list.
        await Chat.Messages.DeleteAsync(Ann.Actor, second.Id);
        Assert.Equal([first.Id], (await Pins.ListAsync(Ann.Actor, direct)).Select(m => m.Id));
    }

    [Fact]
    public async Task AMentionNamesMembersOnlyAndAlertsThemEvenInAMutedChat()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var outsider = await Chat.PersonAsync("Dee");
        var (bob, cy, dee) = (await UserNameOfAsync(Bob), await UserNameOfAsync(Cy), await UserNameOfAsync(outsider));
        var alerts = Chat.Core.Get<AlertService>();
        await alerts.SetMutedAsync(Bob.Actor, group, muted: true);
        await alerts.SetMutedAsync(Cy.Actor, group, muted: true);

        var message = await Chat.SayAsync(Ann, group, $"@{bob}, can you call them? (and @{dee} is not here; mail ann@{cy}.com)");

        Assert.Equal([Bob.Id], message.Mentions);
        var alert = await alerts.ForAsync(Bob.Actor, message);
        Assert.Equal($"{Ann.Name} mentioned you in Sales", alert?.Title);
        Assert.Null(await alerts.ForAsync(Cy.Actor, message));
        Assert.Equal([Bob.Id], (await Chat.WholeHistoryAsync(Cy, group))[^1].Mentions);
    }

    [Fact]
    public async Task MentionSuggestionsAreTheOtherMembersMatchingByUserNameOrAnyWordOfTheirName()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var mentions = Chat.Core.Get<Mentions>();
        Assert.Equal([Bob.Id], (await mentions.SuggestAsync(Ann.Actor, group, "bo")).Select(p => p.Id));
        // "Cy B" matches "b" by its second word, "Bob C" by its first; never the asker.
        var byLetter = await mentions.SuggestAsync(Ann.Actor, group, "@");
        Assert.Equal(2, byLetter.Count);
        Assert.DoesNotContain(byLetter, p => p.Id == Ann.Id);
        Assert.Empty(await mentions.SuggestAsync(Ann.Actor, group, "%"));
        var eve = await Chat.PersonAsync("Eve");
        await Assert.ThrowsAsync<ForbiddenException>(() => mentions.SuggestAsync(eve.Actor, group, "b"));
    }

    [Fact]
    public void MentionTokensAreUserNamesAfterAnAtThatIsNotPartOfAnAddress()
    {
        Assert.Equal(["ann.lee", "bob-2"], Mentions.UserNamesIn("Hi @Ann.Lee. and @bob-2! mail x@ann.lee or @ab @ann.lee"));
    }

    private async Task<string> UserNameOfAsync(Person person) =>
        (await Chat.Core.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.UserName).FirstAsync()))!;
}
