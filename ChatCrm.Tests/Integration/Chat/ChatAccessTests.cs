using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Who may see and do what in a chat, over a real SQLite file: only participants, admins included.</summary>
public sealed class ChatAccessTests : ChatTestBase
{
    [Theory]
    [InlineData(Roles.Client)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Admin)]
    public async Task SomeoneOutsideAChatIsRefusedEverythingAlikeWhetherOrNotTheChatExists(string role)
    {
        var outsider = await Chat.PersonAsync("Otto", role);
        var group = await Chat.GroupAsync(Ann, "Pricing", Bob);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var annsText = await Chat.SayAsync(Ann, group, "the real price list");
        var annsFile = await Chat.SendPngAsync(Ann, group);
        var filesBefore = Chat.StoredFiles();
        var before = await Chat.StoredMessagesAsync(group);
        var bobSees = Chat.Listen(Bob);

        // The same attempts against real chats and a guessed id: the answers must not tell them apart.
        foreach (var (chat, label) in new[] { (group, "group"), (direct, "one-to-one"), (Guid.NewGuid(), "guessed id") })
        {
            var attempts = new Dictionary<string, Func<Task>>
            {
                ["GetPage"] = () => Chat.Messages.GetPageAsync(outsider.Actor, chat),
                ["GetPage(before)"] = () => Chat.Messages.GetPageAsync(outsider.Actor, chat, 2),
                ["SendText"] = () => Chat.Messages.SendTextAsync(outsider.Actor, chat, "let me in"),
                ["SendFile"] = () => Chat.Messages.SendFileAsync(outsider.Actor, chat, new MemoryStream(ChatHarness.Png), "x.png"),
                ["MarkRead"] = () => Chat.Messages.MarkReadAsync(outsider.Actor, chat, 1),
                ["SetTyping"] = () => Chat.Messages.SetTypingAsync(outsider.Actor, chat, true),
                ["GetDetails"] = () => Chat.Chats.GetDetailsAsync(outsider.Actor, chat),
                ["AddMembers"] = () => Chat.Chats.AddMembersAsync(outsider.Actor, chat, [outsider.Id]),
                ["Rename"] = () => Chat.Chats.RenameAsync(outsider.Actor, chat, "Taken over"),
                ["RemoveMember"] = () => Chat.Chats.RemoveMemberAsync(outsider.Actor, chat, Bob.Id),
                ["RemoveSelf"] = () => Chat.Chats.RemoveMemberAsync(outsider.Actor, chat, outsider.Id),
                ["Leave"] = () => Chat.Chats.LeaveAsync(outsider.Actor, chat),
                ["SetGroupAvatar"] = () => Chat.Chats.SetGroupAvatarAsync(outsider.Actor, chat, "0123456789abcdef0123456789abcdef"),
                ["Hide"] = () => Chat.Chats.HideAsync(outsider.Actor, chat),
            };
            foreach (var (name, attempt) in attempts)
            {
                var thrown = await Record.ExceptionAsync(attempt);
                Assert.True(thrown is ForbiddenException, $"{name} on a {label} as {role}: expected ForbiddenException, got {thrown?.GetType().Name ?? "no exception"}.");
                Assert.True(thrown?.Message == ChatAccess.NotFound, $"{name} on a {label} as {role} answered \"{thrown?.Message}\".");
            }
            Assert.Null(await Chat.Chats.GroupAvatarAsync(outsider.Actor, chat));
            Assert.Empty(await Chat.Messages.SearchAsync(outsider.Actor, "price", chat));
        }

        // Someone else's message, and a message id that does not exist: the same refusal.
        foreach (var messageId in new[] { annsText.Id, Guid.NewGuid() })
        {
            var edit = await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Messages.EditAsync(outsider.Actor, messageId, "hacked"));
            var delete = await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Messages.DeleteAsync(outsider.Actor, messageId));
            Assert.Equal("You can only change your own messages.", edit.Message);
            Assert.Equal(edit.Message, delete.Message);
        }
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(outsider.Actor, annsFile.Id));
        Assert.Empty(await Chat.Messages.SearchAsync(outsider.Actor, "price"));
        Assert.Empty(await Chat.Chats.ListAsync(outsider.Actor));

        // Nothing changed, nothing leaked to the members, no file was stored for the refused upload.
        Assert.Equal(before.Select(m => (m.Id, m.Seq, m.Text, m.DeletedAt)), (await Chat.StoredMessagesAsync(group)).Select(m => (m.Id, m.Seq, m.Text, m.DeletedAt)));
        var stored = (await Chat.StoredChatAsync(group))!;
        Assert.Equal("Pricing", stored.Name);
        Assert.Null(stored.AvatarFile);
        Assert.Equal(new[] { Ann.Id, Bob.Id }.Order(), stored.Participants.Where(p => p.IsMember).Select(p => p.UserId).Order());
        Assert.Equal(filesBefore, Chat.StoredFiles());
        Assert.Empty(bobSees.All);
    }

    [Fact]
    public async Task AttachmentsOpenOnlyForParticipantsAndNeverForAGuessedId()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var file = await Chat.SendPngAsync(Ann, direct, "contract.png");
        var text = await Chat.SayAsync(Ann, direct, "see the picture");

        var forBob = await Chat.Messages.OpenAttachmentAsync(Bob.Actor, file.Id);
        var forAnn = await Chat.Messages.OpenAttachmentAsync(Ann.Actor, file.Id);

        Assert.NotNull(forBob);
        Assert.Equal(forBob.Value.Path, forAnn?.Path);
        Assert.Equal(ChatHarness.Png, await File.ReadAllBytesAsync(forBob.Value.Path));
        Assert.Equal(("contract.png", "image/png"), (forBob.Value.Attachment.FileName, forBob.Value.Attachment.ContentType));
        // An admin outside the chat is a stranger to it.
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(admin.Actor, file.Id));
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(Bob.Actor, Guid.NewGuid()));
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(Bob.Actor, text.Id));
    }

    [Fact]
    public async Task AnAdminWhoIsNotInAGroupCannotManageIt()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var group = await Chat.GroupAsync(Ann, "Private", Bob);

        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.AddMembersAsync(admin.Actor, group, [admin.Id]));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.RemoveMemberAsync(admin.Actor, group, Bob.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.RenameAsync(admin.Actor, group, "Mine now"));

        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, group);
        Assert.Equal("Private", details.Title);
        Assert.Equal(new[] { Ann.Id, Bob.Id }.Order(), details.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task ARemovedMemberKeepsHistoryUpToTheRemovalButSeesNothingNewer()
    {
        var cy = await Chat.PersonAsync("Cy");
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, cy);
        var before = await Chat.SayAsync(Bob, group, "launch plan v1");
        var oldFile = await Chat.SendPngAsync(Bob, group, "old.png");
        await Chat.Messages.MarkReadAsync(cy.Actor, group, oldFile.Seq);
        var cySees = Chat.Listen(cy);

        await Chat.Chats.RemoveMemberAsync(Ann.Actor, group, cy.Id);
        var removalLine = (await Chat.StoredMessagesAsync(group))[^1];
        var after = await Chat.SayAsync(Bob, group, "launch plan v2, secret");
        var newFile = await Chat.SendPngAsync(Bob, group, "new.png");
        await Chat.Chats.RenameAsync(Ann.Actor, group, "Launch (secret)");

        var history = await Chat.WholeHistoryAsync(cy, group);
        Assert.Equal(removalLine.Seq, history[^1].Seq);
        Assert.Contains(history, m => m.Id == before.Id);
        Assert.DoesNotContain(history, m => m.Seq > removalLine.Seq);
        // Even asking for "older than" a message past their line gives nothing past it.
        Assert.DoesNotContain((await Chat.Messages.GetPageAsync(cy.Actor, group, long.MaxValue)).Messages, m => m.Seq > removalLine.Seq);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Chat.SayAsync(cy, group, "am I still here?"));
        Assert.Equal("You are no longer in this chat.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.SendPngAsync(cy, group));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Messages.SetTypingAsync(cy.Actor, group, true));
        Assert.NotNull(await Chat.Messages.OpenAttachmentAsync(cy.Actor, oldFile.Id));
        Assert.Null(await Chat.Messages.OpenAttachmentAsync(cy.Actor, newFile.Id));
        Assert.Empty(await Chat.Messages.SearchAsync(cy.Actor, "secret"));
        Assert.Single(await Chat.Messages.SearchAsync(cy.Actor, "plan v1"));

        // Live: told of their own removal, then of nothing newer.
        Assert.Equal([removalLine.Seq], cySees.Posted(group).Select(m => m.Seq));
        Assert.Single(cySees.Of<ConversationChanged>(group));
        Assert.DoesNotContain(cySees.All, e => e is MessagePosted p && p.Message.Seq > removalLine.Seq);

        // The chat list shows neither the new preview nor new unread messages.
        var listed = Assert.Single(await Chat.Chats.ListAsync(cy.Actor));
        Assert.Null(listed.Preview);
        Assert.Equal(0, listed.UnreadCount);
        Assert.False((await Chat.Chats.GetDetailsAsync(cy.Actor, group)).IsMember);
        Assert.Contains(after.Id, (await Chat.WholeHistoryAsync(Bob, group)).Select(m => m.Id));
    }

    [Fact]
    public async Task AMemberWhoLeftSeesNothingNewerAndCannotSend()
    {
        var group = await Chat.GroupAsync(Ann, "Weekly", Bob);
        await Chat.SayAsync(Ann, group, "agenda");
        var bobSees = Chat.Listen(Bob);

        await Chat.Chats.LeaveAsync(Bob.Actor, group);
        var leftLine = (await Chat.StoredMessagesAsync(group))[^1];
        await Chat.SayAsync(Ann, group, "after bob left");

        Assert.Equal(MessageKind.System, leftLine.Kind);
        Assert.Equal(leftLine.Seq, (await Chat.WholeHistoryAsync(Bob, group))[^1].Seq);
        Assert.Equal([leftLine.Seq], bobSees.Posted(group).Select(m => m.Seq));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.SayAsync(Bob, group, "one more thing"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.Chats.LeaveAsync(Bob.Actor, group));
        Assert.Equal(0, await Chat.Chats.TotalUnreadAsync(Bob.Actor));
    }

    [Fact]
    public async Task AFormerMembersChatListShowsNoActivityAfterTheyLeft()
    {
        var group = await Chat.GroupAsync(Ann, "Old team", Bob);
        await Chat.Chats.LeaveAsync(Bob.Actor, group);
        var leftAt = (await Chat.StoredMessagesAsync(group))[^1].CreatedAt;
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "hello bob");

        Chat.Clock.Advance(TimeSpan.FromMinutes(5));
        await Chat.SayAsync(Ann, group, "bob is gone");

        var list = await Chat.Chats.ListAsync(Bob.Actor);
        // The group's later activity would otherwise lift it above the newer one-to-one chat: a sign of life.
        Assert.Equal([direct, group], list.Select(c => c.Id));
        Assert.Equal(leftAt, list[1].LastActivityAt);
    }

    [Fact]
    public async Task AFormerMemberDoesNotLearnWhoJoinedOrHowFarOthersReadAfterTheyLeft()
    {
        var dee = await Chat.PersonAsync("Dee");
        var group = await Chat.GroupAsync(Ann, "Board", Bob);
        await Chat.Chats.LeaveAsync(Bob.Actor, group);
        var bobsLine = (await Chat.StoredMessagesAsync(group))[^1].Seq;

        await Chat.Chats.AddMembersAsync(Ann.Actor, group, [dee.Id]);
        var later = await Chat.SayAsync(Ann, group, "after bob");
        await Chat.Messages.MarkReadAsync(dee.Actor, group, later.Seq);

        var readers = (await Chat.Messages.GetPageAsync(Bob.Actor, group)).Readers;
        Assert.Equal([(Ann.Id, bobsLine)], readers.Select(r => (r.UserId, r.LastReadSeq)));
        Assert.Equal([Ann.Id], (await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).Members.Select(m => m.UserId));
        // Members still see everyone as they are.
        Assert.Equal(new[] { (Ann.Id, later.Seq), (dee.Id, later.Seq) }.Order(),
            (await Chat.Messages.GetPageAsync(Ann.Actor, group)).Readers.Select(r => (r.UserId, r.LastReadSeq)).Order());
    }

    [Fact]
    public async Task AChatHiddenBySomeoneWhoLeftStaysHiddenWhenTheOthersWriteOn()
    {
        var group = await Chat.GroupAsync(Ann, "Old team", Bob);
        await Chat.Chats.LeaveAsync(Bob.Actor, group);
        await Chat.Chats.HideAsync(Bob.Actor, group);

        await Chat.SayAsync(Ann, group, "still talking here");

        Assert.Empty(await Chat.Chats.ListAsync(Bob.Actor));
    }

    [Fact]
    public async Task AClientFindsOnlyStaffInThePeopleSearch()
    {
        var client = await Chat.PersonAsync("Tagzed Clara", Roles.Client);
        var otherClient = await Chat.PersonAsync("Tagzed Carl", Roles.Client);
        var agent = await Chat.PersonAsync("Tagzed Agnes", Roles.Agent);
        var admin = await Chat.PersonAsync("Tagzed Adam", Roles.Admin);
        await Chat.PersonAsync("Tagzed Unconfirmed", Roles.Agent, confirmed: false);

        var found = await Chat.Chats.SearchPeopleAsync(client.Actor, "tagzed");
        var foundByStaff = await Chat.Chats.SearchPeopleAsync(agent.Actor, "TAGZED");

        Assert.Equal(new[] { admin.Id, agent.Id }.Order(), found.Select(p => p.Id).Order());
        Assert.Equal(new[] { admin.Id, otherClient.Id, client.Id }.Order(), foundByStaff.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task AClientCannotStartAChatWithAnotherClient()
    {
        var client = await Chat.PersonAsync("Clara", Roles.Client);
        var otherClient = await Chat.PersonAsync("Carl", Roles.Client);

        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.DirectAsync(client, otherClient));
        await Assert.ThrowsAsync<ForbiddenException>(() => Chat.GroupAsync(client, "Clients only", otherClient, Ann));
        var withStaff = await Chat.DirectAsync(client, Ann);
        // A one-to-one chat shows in the lists once someone has written in it.
        await Chat.SayAsync(client, withStaff, "Hello, a question about my order");

        Assert.Equal([withStaff], (await Chat.Chats.ListAsync(client.Actor)).Select(c => c.Id));
        Assert.Empty(await Chat.Chats.ListAsync(otherClient.Actor));
    }
}
