using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>One-to-one chats: one per pair of people, however and whenever it is opened.</summary>
public sealed class DirectChatTests : ChatTestBase
{
    [Fact]
    public async Task OpeningTheChatAgainFromEitherSideGivesTheSameChat()
    {
        var first = await Chat.DirectAsync(Ann, Bob);
        var again = await Chat.DirectAsync(Ann, Bob);
        var fromBob = await Chat.DirectAsync(Bob, Ann);

        Assert.Equal(first, again);
        Assert.Equal(first, fromBob);
        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, first);
        Assert.Equal((ConversationKind.Direct, Bob.Name, Bob.Id, false), (details.Kind, details.Title, details.OtherUserId, details.CanManage));
        Assert.Equal(Ann.Name, (await Chat.Chats.GetDetailsAsync(Bob.Actor, first)).Title);
    }

    [Fact]
    public async Task BothSidesOpeningAtOnceGetTheSameChat()
    {
        // Several fresh pairs, each opened from both sides at the same moment, a few times over.
        var pairs = new List<(Person, Person)>();
        for (var i = 0; i < 4; i++) pairs.Add((await Chat.PersonAsync("Left"), await Chat.PersonAsync("Right")));

        foreach (var (left, right) in pairs)
        {
            var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? Chat.DirectAsync(left, right) : Chat.DirectAsync(right, left))));

            Assert.Single(opened.Distinct());
            await Chat.SayAsync(left, opened[0], "hello");
            Assert.Equal([opened[0]], (await Chat.Chats.ListAsync(left.Actor)).Select(c => c.Id));
            Assert.Equal([opened[0]], (await Chat.Chats.ListAsync(right.Actor)).Select(c => c.Id));
        }
    }

    [Fact]
    public async Task AChatOpenedWithNobodyWritingStaysOffBothListsUntilTheFirstMessage()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.DirectAsync(Bob, Ann);

        Assert.Empty(await Chat.Chats.ListAsync(Ann.Actor));
        Assert.Empty(await Chat.Chats.ListAsync(Bob.Actor));
        // Still a chat to open: it has its details and an empty history.
        Assert.Equal(Bob.Name, (await Chat.Chats.GetDetailsAsync(Ann.Actor, direct)).Title);
        Assert.Empty((await Chat.Messages.GetPageAsync(Ann.Actor, direct)).Messages);

        await Chat.SayAsync(Bob, direct, "Hi Ann");

        Assert.Equal([direct], (await Chat.Chats.ListAsync(Ann.Actor)).Select(c => c.Id));
        Assert.Equal([direct], (await Chat.Chats.ListAsync(Bob.Actor)).Select(c => c.Id));
    }

    [Fact]
    public async Task OpeningAChatDeletedFromOnesListBringsItBackWithItsHistory()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "remember this");
        await Chat.Chats.HideAsync(Bob.Actor, direct);

        var reopened = await Chat.DirectAsync(Bob, Ann);

        Assert.Equal(direct, reopened);
        Assert.Equal([direct], (await Chat.Chats.ListAsync(Bob.Actor)).Select(c => c.Id));
        Assert.Equal(["remember this"], (await Chat.WholeHistoryAsync(Bob, direct)).Select(m => m.Text));
    }

    [Fact]
    public async Task NobodyCanOpenAChatWithThemselvesOrSomeoneUnknown()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.DirectAsync(Ann, Ann));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.OpenDirectAsync(Ann.Actor, Guid.NewGuid()));
        Assert.Empty(await Chat.Chats.ListAsync(Ann.Actor));
    }

    [Fact]
    public async Task AOneToOneChatHasNoMembersToManageAndCannotBeLeft()
    {
        var cy = await Chat.PersonAsync("Cy");
        var direct = await Chat.DirectAsync(Ann, Bob);

        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.AddMembersAsync(Ann.Actor, direct, [cy.Id]));
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.RenameAsync(Ann.Actor, direct, "Ann and Bob"));
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.RemoveMemberAsync(Ann.Actor, direct, Bob.Id));
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.LeaveAsync(Ann.Actor, direct));

        Assert.Equal(new[] { Ann.Id, Bob.Id }.Order(), (await Chat.StoredChatAsync(direct))!.Participants.Where(p => p.IsMember).Select(p => p.UserId).Order());
        Assert.Empty(await Chat.StoredMessagesAsync(direct));
    }
}
