using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>One-to-one chats: one per pair of people, however and whenever it is opened.</summary>
public sealed class DirectChatTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync();
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task OpeningTheChatAgainFromEitherSideGivesTheSameChat()
    {
        var first = await _chat.DirectAsync(_ann, _bob);
        var again = await _chat.DirectAsync(_ann, _bob);
        var fromBob = await _chat.DirectAsync(_bob, _ann);

        Assert.Equal(first, again);
        Assert.Equal(first, fromBob);
        var details = await _chat.Chats.GetDetailsAsync(_ann.Actor, first);
        Assert.Equal((ConversationKind.Direct, _bob.Name, _bob.Id, false), (details.Kind, details.Title, details.OtherUserId, details.CanManage));
        Assert.Equal(_ann.Name, (await _chat.Chats.GetDetailsAsync(_bob.Actor, first)).Title);
    }

    [Fact]
    public async Task BothSidesOpeningAtOnceGetTheSameChat()
    {
        // Several fresh pairs, each opened from both sides at the same moment, a few times over.
        var pairs = new List<(Person, Person)>();
        for (var i = 0; i < 4; i++) pairs.Add((await _chat.PersonAsync("Left"), await _chat.PersonAsync("Right")));

        foreach (var (left, right) in pairs)
        {
            var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? _chat.DirectAsync(left, right) : _chat.DirectAsync(right, left))));

            Assert.Single(opened.Distinct());
            Assert.Equal([opened[0]], (await _chat.Chats.ListAsync(left.Actor)).Select(c => c.Id));
            Assert.Equal([opened[0]], (await _chat.Chats.ListAsync(right.Actor)).Select(c => c.Id));
        }
    }

    [Fact]
    public async Task OpeningAChatDeletedFromOnesListBringsItBackWithItsHistory()
    {
        var direct = await _chat.DirectAsync(_ann, _bob);
        await _chat.SayAsync(_ann, direct, "remember this");
        await _chat.Chats.HideAsync(_bob.Actor, direct);

        var reopened = await _chat.DirectAsync(_bob, _ann);

        Assert.Equal(direct, reopened);
        Assert.Equal([direct], (await _chat.Chats.ListAsync(_bob.Actor)).Select(c => c.Id));
        Assert.Equal(["remember this"], (await _chat.WholeHistoryAsync(_bob, direct)).Select(m => m.Text));
    }

    [Fact]
    public async Task NobodyCanOpenAChatWithThemselvesOrSomeoneUnknown()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.DirectAsync(_ann, _ann));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.OpenDirectAsync(_ann.Actor, Guid.NewGuid()));
        Assert.Empty(await _chat.Chats.ListAsync(_ann.Actor));
    }

    [Fact]
    public async Task AOneToOneChatHasNoMembersToManageAndCannotBeLeft()
    {
        var cy = await _chat.PersonAsync("Cy");
        var direct = await _chat.DirectAsync(_ann, _bob);

        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.AddMembersAsync(_ann.Actor, direct, [cy.Id]));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.RenameAsync(_ann.Actor, direct, "Ann and Bob"));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.RemoveMemberAsync(_ann.Actor, direct, _bob.Id));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.LeaveAsync(_ann.Actor, direct));

        Assert.Equal(new[] { _ann.Id, _bob.Id }.Order(), (await _chat.StoredChatAsync(direct))!.Participants.Where(p => p.IsMember).Select(p => p.UserId).Order());
        Assert.Empty(await _chat.StoredMessagesAsync(direct));
    }
}
