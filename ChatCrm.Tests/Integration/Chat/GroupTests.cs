using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Group chats: members, owner, the system lines that record changes, and the size limit.</summary>
public sealed class GroupTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;
    private Person _cy = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync(new Dictionary<string, string?> { ["ChatCrm:Chat:GroupMaxMembers"] = "4" });
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
        _cy = await _chat.PersonAsync("Cy");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task CreatingAGroupWritesASystemLineAndMakesTheCreatorOwner()
    {
        var bobSees = _chat.Listen(_bob);

        var group = await _chat.Chats.CreateGroupAsync(_ann.Actor, "  Launch  ", [_bob.Id, _cy.Id, _ann.Id, _bob.Id]);

        var line = Assert.Single(await _chat.StoredMessagesAsync(group));
        Assert.Equal((MessageKind.System, (Guid?)null, $"{_ann.Name} created the group \"Launch\""), (line.Kind, line.SenderId, line.Text));
        Assert.Equal([line.Id], bobSees.Posted(group).Select(m => m.Id));
        var details = await _chat.Chats.GetDetailsAsync(_ann.Actor, group);
        Assert.Equal((ConversationKind.Group, "Launch", true, true), (details.Kind, details.Title, details.IsMember, details.CanManage));
        Assert.Equal([_ann.Id], details.Members.Where(m => m.IsOwner).Select(m => m.UserId));
        Assert.Equal(new[] { _ann.Id, _bob.Id, _cy.Id }.Order(), details.Members.Select(m => m.UserId).Order());
        Assert.False((await _chat.Chats.GetDetailsAsync(_bob.Actor, group)).CanManage);
        Assert.Equal("Launch", (await _chat.Chats.ListAsync(_cy.Actor)).Single().Title);
    }

    [Fact]
    public async Task AddingRemovingLeavingAndRenamingEachWriteASystemLine()
    {
        var dee = await _chat.PersonAsync("Dee");
        var group = await _chat.GroupAsync(_ann, "Launch", _bob);

        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [_cy.Id, dee.Id]);
        await _chat.Chats.RenameAsync(_ann.Actor, group, "Launch v2");
        await _chat.Chats.RenameAsync(_ann.Actor, group, "Launch v2");
        await _chat.Chats.RemoveMemberAsync(_ann.Actor, group, _cy.Id);
        await _chat.Chats.LeaveAsync(dee.Actor, group);

        var lines = await _chat.StoredMessagesAsync(group);
        Assert.All(lines, m => Assert.Equal((MessageKind.System, (Guid?)null), (m.Kind, m.SenderId)));
        Assert.Equal(
        [
            $"{_ann.Name} created the group \"Launch\"",
            $"{_ann.Name} added {string.Join(", ", new[] { _cy.Name, dee.Name })}",
            $"{_ann.Name} renamed the group to \"Launch v2\"",
            $"{_ann.Name} removed {_cy.Name}",
            $"{dee.Name} left",
        ], lines.Select(m => m.Text));
        Assert.Equal([1L, 2, 3, 4, 5], lines.Select(m => m.Seq));
        var details = await _chat.Chats.GetDetailsAsync(_bob.Actor, group);
        Assert.Equal(("Launch v2", 2), (details.Title, details.Members.Count));
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdminMemberManagesTheGroup()
    {
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        var dee = await _chat.PersonAsync("Dee");
        var group = await _chat.GroupAsync(_ann, "Launch", _bob, admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.AddMembersAsync(_bob.Actor, group, [dee.Id]));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.RemoveMemberAsync(_bob.Actor, group, _ann.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.RenameAsync(_bob.Actor, group, "Bob's now"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.SetGroupAvatarAsync(_bob.Actor, group, "0123456789abcdef0123456789abcdef"));
        Assert.Single(await _chat.StoredMessagesAsync(group));

        Assert.True((await _chat.Chats.GetDetailsAsync(admin.Actor, group)).CanManage);
        await _chat.Chats.AddMembersAsync(admin.Actor, group, [dee.Id]);
        await _chat.Chats.RenameAsync(admin.Actor, group, "Launch (admin)");
        await _chat.Chats.RemoveMemberAsync(admin.Actor, group, _bob.Id);

        var details = await _chat.Chats.GetDetailsAsync(_ann.Actor, group);
        Assert.Equal("Launch (admin)", details.Title);
        Assert.Equal(new[] { _ann.Id, admin.Id, dee.Id }.Order(), details.Members.Select(m => m.UserId).Order());
        // A member may always leave, which is the one change they make themselves.
        await _chat.Chats.RemoveMemberAsync(dee.Actor, group, dee.Id);
        Assert.False((await _chat.Chats.GetDetailsAsync(dee.Actor, group)).IsMember);
    }

    [Fact]
    public async Task AnOwnerWhoLeavesHandsTheGroupOn()
    {
        var group = await _chat.GroupAsync(_ann, "Launch", _bob, _cy);

        await _chat.Chats.LeaveAsync(_ann.Actor, group);

        var details = await _chat.Chats.GetDetailsAsync(_bob.Actor, group);
        var heir = Assert.Single(details.Members, m => m.IsOwner);
        Assert.Contains(heir.UserId, new[] { _bob.Id, _cy.Id });
        var heirActor = heir.UserId == _bob.Id ? _bob : _cy;
        await _chat.Chats.RenameAsync(heirActor.Actor, group, "Launch, new hands");
        Assert.Equal("Launch, new hands", (await _chat.Chats.GetDetailsAsync(_cy.Actor, group)).Title);
    }

    [Fact]
    public async Task AnAdminWhoRemovesTheOwnerLeavesTheGroupWithANewOne()
    {
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        var group = await _chat.GroupAsync(_ann, "Launch", admin, _bob);

        await _chat.Chats.RemoveMemberAsync(admin.Actor, group, _ann.Id);

        var owner = Assert.Single((await _chat.Chats.GetDetailsAsync(_bob.Actor, group)).Members, m => m.IsOwner);
        Assert.Contains(owner.UserId, new[] { admin.Id, _bob.Id });
    }

    [Fact]
    public async Task AFormerOwnerAddedBackIsAnOrdinaryMember()
    {
        var group = await _chat.GroupAsync(_ann, "Launch", _bob, _cy);
        await _chat.Chats.LeaveAsync(_ann.Actor, group);
        var heir = (await _chat.Chats.GetDetailsAsync(_bob.Actor, group)).Members.Single(m => m.IsOwner).UserId;

        await _chat.Chats.AddMembersAsync(heir == _bob.Id ? _bob.Actor : _cy.Actor, group, [_ann.Id]);

        var details = await _chat.Chats.GetDetailsAsync(_ann.Actor, group);
        Assert.Equal([heir], details.Members.Where(m => m.IsOwner).Select(m => m.UserId));
        Assert.False(details.CanManage);
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.RemoveMemberAsync(_ann.Actor, group, heir));
    }

    [Fact]
    public async Task AGroupCannotGrowPastTheMemberLimit()
    {
        var dee = await _chat.PersonAsync("Dee");
        var eve = await _chat.PersonAsync("Eve");

        var tooBig = await Assert.ThrowsAsync<ChatRuleException>(() => _chat.GroupAsync(_ann, "Crowd", _bob, _cy, dee, eve));
        Assert.Equal("A group has at most 4 members.", tooBig.Message);
        Assert.Empty(await _chat.Chats.ListAsync(_ann.Actor));

        var group = await _chat.GroupAsync(_ann, "Crowd", _bob, _cy);
        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [dee.Id]);
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.AddMembersAsync(_ann.Actor, group, [eve.Id]));
        // Naming people already in a full group adds no one, so it is no reason to refuse.
        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [_bob.Id]);

        // Someone leaving makes room.
        await _chat.Chats.LeaveAsync(_cy.Actor, group);
        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [eve.Id]);
        Assert.Equal(4, (await _chat.Chats.GetDetailsAsync(_ann.Actor, group)).Members.Count);
    }

    [Fact]
    public async Task AGroupNeedsAName()
    {
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.GroupAsync(_ann, "   ", _bob));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.GroupAsync(_ann, new string('x', Conversation.NameMax + 1), _bob));
        var group = await _chat.GroupAsync(_ann, "Fine", _bob);
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Chats.RenameAsync(_ann.Actor, group, ""));
        Assert.Equal("Fine", (await _chat.Chats.GetDetailsAsync(_bob.Actor, group)).Title);
    }
}
