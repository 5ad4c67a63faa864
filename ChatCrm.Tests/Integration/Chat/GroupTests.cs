using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Group chats: members, owner, the system lines that record changes, and the size limit.</summary>
public sealed class GroupTests() : ChatTestBase(new Dictionary<string, string?> { ["ChatCrm:Chat:GroupMaxMembers"] = "4" })
{
    [Fact]
    public async Task CreatingAGroupWritesASystemLineAndMakesTheCreatorOwner()
    {
        var bobSees = Chat.Listen(Bob);

        var group = await Chat.Chats.CreateGroupAsync(Ann.Actor, "  Launch  ", [Bob.Id, Cy.Id, Ann.Id, Bob.Id]);

        var line = Assert.Single(await Chat.StoredMessagesAsync(group));
        Assert.Equal((MessageKind.System, (Guid?)null, $"{Ann.Name} created the group \"Launch\""), (line.Kind, line.SenderId, line.Text));
        Assert.Equal([line.Id], bobSees.Posted(group).Select(m => m.Id));
        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, group);
        Assert.Equal((ConversationKind.Group, "Launch", true, true), (details.Kind, details.Title, details.IsMember, details.CanManage));
        Assert.Equal([Ann.Id], details.Members.Where(m => m.IsOwner).Select(m => m.UserId));
        Assert.Equal(new[] { Ann.Id, Bob.Id, Cy.Id }.Order(), details.Members.Select(m => m.UserId).Order());
        Assert.False((await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).CanManage);
        Assert.Equal("Launch", (await Chat.Chats.ListAsync(Cy.Actor)).Single().Title);
    }

    [Fact]
    public async Task AddingRemovingLeavingAndRenamingEachWriteASystemLine()
    {
        var dee = await Chat.PersonAsync("Dee");
        var group = await Chat.GroupAsync(Ann, "Launch", Bob);

        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [Cy.Id, dee.Id]);
        await Chat.Chats.RenameAsync(Ann.Actor, group, "Launch v2");
        await Chat.Chats.RenameAsync(Ann.Actor, group, "Launch v2");
        await Chat.Chats.RemoveMemberAsync(Ann.Actor, group, Cy.Id);
        await Chat.Chats.LeaveAsync(dee.Actor, group);

        var lines = await Chat.StoredMessagesAsync(group);
        Assert.All(lines, m => Assert.Equal((MessageKind.System, (Guid?)null), (m.Kind, m.SenderId)));
        Assert.Equal(
        [
            $"{Ann.Name} created the group \"Launch\"",
            $"{Ann.Name} added {string.Join(", ", new[] { Cy.Name, dee.Name })}",
            $"{Ann.Name} renamed the group to \"Launch v2\"",
            $"{Ann.Name} removed {Cy.Name}",
            $"{dee.Name} left",
        ], lines.Select(m => m.Text));
        Assert.Equal([1L, 2, 3, 4, 5], lines.Select(m => m.Seq));
        var details = await Chat.Chats.GetDetailsAsync(Bob.Actor, group);
        Assert.Equal(("Launch v2", 2), (details.Title, details.Members.Count));
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdminMemberManagesTheGroup()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var dee = await Chat.PersonAsync("Dee");
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.AddMembersAsync(Bob.Actor, group, [dee.Id]));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.RemoveMemberAsync(Bob.Actor, group, Ann.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.RenameAsync(Bob.Actor, group, "Bob's now"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.SetGroupAvatarAsync(Bob.Actor, group, "0123456789abcdef0123456789abcdef"));
        Assert.Single(await Chat.StoredMessagesAsync(group));

        Assert.True((await Chat.Chats.GetDetailsAsync(admin.Actor, group)).CanManage);
        await Chat.Chats.AddMembersAsync(admin.Actor, group, [dee.Id]);
        await Chat.Chats.RenameAsync(admin.Actor, group, "Launch (admin)");
        await Chat.Chats.RemoveMemberAsync(admin.Actor, group, Bob.Id);

        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, group);
        Assert.Equal("Launch (admin)", details.Title);
        Assert.Equal(new[] { Ann.Id, admin.Id, dee.Id }.Order(), details.Members.Select(m => m.UserId).Order());
        // A member may always leave, which is the one change they make themselves.
        await Chat.Chats.RemoveMemberAsync(dee.Actor, group, dee.Id);
        Assert.False((await Chat.Chats.GetDetailsAsync(dee.Actor, group)).IsMember);
    }

    [Fact]
    public async Task AnOwnerWhoLeavesHandsTheGroupOn()
    {
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, Cy);

        await Chat.Chats.LeaveAsync(Ann.Actor, group);

        var details = await Chat.Chats.GetDetailsAsync(Bob.Actor, group);
        var heir = Assert.Single(details.Members, m => m.IsOwner);
        Assert.Contains(heir.UserId, new[] { Bob.Id, Cy.Id });
        var heirActor = heir.UserId == Bob.Id ? Bob : Cy;
        await Chat.Chats.RenameAsync(heirActor.Actor, group, "Launch, new hands");
        Assert.Equal("Launch, new hands", (await Chat.Chats.GetDetailsAsync(Cy.Actor, group)).Title);
    }

    [Fact]
    public async Task AnAdminWhoRemovesTheOwnerLeavesTheGroupWithANewOne()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var group = await Chat.GroupAsync(Ann, "Launch", admin, Bob);

        await Chat.Chats.RemoveMemberAsync(admin.Actor, group, Ann.Id);

        var owner = Assert.Single((await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).Members, m => m.IsOwner);
        Assert.Contains(owner.UserId, new[] { admin.Id, Bob.Id });
    }

    [Fact]
    public async Task AFormerOwnerAddedBackIsAnOrdinaryMember()
    {
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, Cy);
        await Chat.Chats.LeaveAsync(Ann.Actor, group);
        var heir = (await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).Members.Single(m => m.IsOwner).UserId;

        await Chat.Chats.AddMembersAsync(heir == Bob.Id ? Bob.Actor : Cy.Actor, group, [Ann.Id]);

        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, group);
        Assert.Equal([heir], details.Members.Where(m => m.IsOwner).Select(m => m.UserId));
        Assert.False(details.CanManage);
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.RemoveMemberAsync(Ann.Actor, group, heir));
    }

    [Fact]
    public async Task AGroupCannotGrowPastTheMemberLimit()
    {
        var dee = await Chat.PersonAsync("Dee");
        var eve = await Chat.PersonAsync("Eve");

        var tooBig = await Assert.ThrowsAsync<ChatRuleException>(() => Chat.GroupAsync(Ann, "Crowd", Bob, Cy, dee, eve));
        Assert.Equal("A group has at most 4 members.", tooBig.Message);
        Assert.Empty(await Chat.Chats.ListAsync(Ann.Actor));

        var group = await Chat.GroupAsync(Ann, "Crowd", Bob, Cy);
        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [dee.Id]);
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.AddMembersAsync(Ann.Actor, group, [eve.Id]));
        // Naming people already in a full group adds no one, so it is no reason to refuse.
        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [Bob.Id]);

        // Someone leaving makes room.
        await Chat.Chats.LeaveAsync(Cy.Actor, group);
        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [eve.Id]);
        Assert.Equal(4, (await Chat.Chats.GetDetailsAsync(Ann.Actor, group)).Members.Count);
    }

    [Fact]
    public async Task AGroupNeedsAName()
    {
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.GroupAsync(Ann, "   ", Bob));
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.GroupAsync(Ann, new string('x', Conversation.NameMax + 1), Bob));
        var group = await Chat.GroupAsync(Ann, "Fine", Bob);
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.Chats.RenameAsync(Ann.Actor, group, ""));
        Assert.Equal("Fine", (await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).Title);
    }
}
