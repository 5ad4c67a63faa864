using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Who may see and do what in a chat, over a real SQLite file: only participants, admins included.</summary>
public sealed class ChatAccessTests : IAsyncLifetime
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

    [Theory]
    [InlineData(Roles.Client)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Admin)]
    public async Task SomeoneOutsideAChatIsRefusedEverythingAlikeWhetherOrNotTheChatExists(string role)
    {
        var outsider = await _chat.PersonAsync("Otto", role);
        var group = await _chat.GroupAsync(_ann, "Pricing", _bob);
        var direct = await _chat.DirectAsync(_ann, _bob);
        var annsText = await _chat.SayAsync(_ann, group, "the real price list");
        var annsFile = await _chat.SendPngAsync(_ann, group);
        var filesBefore = _chat.StoredFiles();
        var before = await _chat.StoredMessagesAsync(group);
        var bobSees = _chat.Listen(_bob);

        // The same attempts against real chats and a guessed id: the answers must not tell them apart.
        foreach (var (chat, label) in new[] { (group, "group"), (direct, "one-to-one"), (Guid.NewGuid(), "guessed id") })
        {
            var attempts = new Dictionary<string, Func<Task>>
            {
                ["GetPage"] = () => _chat.Messages.GetPageAsync(outsider.Actor, chat),
                ["GetPage(before)"] = () => _chat.Messages.GetPageAsync(outsider.Actor, chat, 2),
                ["SendText"] = () => _chat.Messages.SendTextAsync(outsider.Actor, chat, "let me in"),
                ["SendFile"] = () => _chat.Messages.SendFileAsync(outsider.Actor, chat, new MemoryStream(ChatHarness.Png), "x.png"),
                ["MarkRead"] = () => _chat.Messages.MarkReadAsync(outsider.Actor, chat, 1),
                ["SetTyping"] = () => _chat.Messages.SetTypingAsync(outsider.Actor, chat, true),
                ["GetDetails"] = () => _chat.Chats.GetDetailsAsync(outsider.Actor, chat),
                ["AddMembers"] = () => _chat.Chats.AddMembersAsync(outsider.Actor, chat, [outsider.Id]),
                ["Rename"] = () => _chat.Chats.RenameAsync(outsider.Actor, chat, "Taken over"),
                ["RemoveMember"] = () => _chat.Chats.RemoveMemberAsync(outsider.Actor, chat, _bob.Id),
                ["RemoveSelf"] = () => _chat.Chats.RemoveMemberAsync(outsider.Actor, chat, outsider.Id),
                ["Leave"] = () => _chat.Chats.LeaveAsync(outsider.Actor, chat),
                ["SetGroupAvatar"] = () => _chat.Chats.SetGroupAvatarAsync(outsider.Actor, chat, "0123456789abcdef0123456789abcdef"),
                ["Hide"] = () => _chat.Chats.HideAsync(outsider.Actor, chat),
            };
            foreach (var (name, attempt) in attempts)
            {
                var thrown = await Record.ExceptionAsync(attempt);
                Assert.True(thrown is ForbiddenException, $"{name} on a {label} as {role}: expected ForbiddenException, got {thrown?.GetType().Name ?? "no exception"}.");
                Assert.True(thrown?.Message == ChatAccess.NotFound, $"{name} on a {label} as {role} answered \"{thrown?.Message}\".");
            }
            Assert.Null(await _chat.Chats.GroupAvatarAsync(outsider.Actor, chat));
            Assert.Empty(await _chat.Messages.SearchAsync(outsider.Actor, "price", chat));
        }

        // Someone else's message, and a message id that does not exist: the same refusal.
        foreach (var messageId in new[] { annsText.Id, Guid.NewGuid() })
        {
            var edit = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.EditAsync(outsider.Actor, messageId, "hacked"));
            var delete = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.DeleteAsync(outsider.Actor, messageId));
            Assert.Equal("You can only change your own messages.", edit.Message);
            Assert.Equal(edit.Message, delete.Message);
        }
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(outsider.Actor, annsFile.Id));
        Assert.Empty(await _chat.Messages.SearchAsync(outsider.Actor, "price"));
        Assert.Empty(await _chat.Chats.ListAsync(outsider.Actor));

        // Nothing changed, nothing leaked to the members, no file was stored for the refused upload.
        Assert.Equal(before.Select(m => (m.Id, m.Seq, m.Text, m.DeletedAt)), (await _chat.StoredMessagesAsync(group)).Select(m => (m.Id, m.Seq, m.Text, m.DeletedAt)));
        var stored = (await _chat.StoredChatAsync(group))!;
        Assert.Equal("Pricing", stored.Name);
        Assert.Null(stored.AvatarFile);
        Assert.Equal(new[] { _ann.Id, _bob.Id }.Order(), stored.Participants.Where(p => p.IsMember).Select(p => p.UserId).Order());
        Assert.Equal(filesBefore, _chat.StoredFiles());
        Assert.Empty(bobSees.All);
    }

    [Fact]
    public async Task AttachmentsOpenOnlyForParticipantsAndNeverForAGuessedId()
    {
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        var direct = await _chat.DirectAsync(_ann, _bob);
        var file = await _chat.SendPngAsync(_ann, direct, "contract.png");
        var text = await _chat.SayAsync(_ann, direct, "see the picture");

        var forBob = await _chat.Messages.OpenAttachmentAsync(_bob.Actor, file.Id);
        var forAnn = await _chat.Messages.OpenAttachmentAsync(_ann.Actor, file.Id);

        Assert.NotNull(forBob);
        Assert.Equal(forBob.Value.Path, forAnn?.Path);
        Assert.Equal(ChatHarness.Png, await File.ReadAllBytesAsync(forBob.Value.Path));
        Assert.Equal(("contract.png", "image/png"), (forBob.Value.Attachment.FileName, forBob.Value.Attachment.ContentType));
        // An admin outside the chat is a stranger to it.
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(admin.Actor, file.Id));
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(_bob.Actor, Guid.NewGuid()));
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(_bob.Actor, text.Id));
    }

    [Fact]
    public async Task AnAdminWhoIsNotInAGroupCannotManageIt()
    {
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        var group = await _chat.GroupAsync(_ann, "Private", _bob);

        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.AddMembersAsync(admin.Actor, group, [admin.Id]));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.RemoveMemberAsync(admin.Actor, group, _bob.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.RenameAsync(admin.Actor, group, "Mine now"));

        var details = await _chat.Chats.GetDetailsAsync(_ann.Actor, group);
        Assert.Equal("Private", details.Title);
        Assert.Equal(new[] { _ann.Id, _bob.Id }.Order(), details.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task ARemovedMemberKeepsHistoryUpToTheRemovalButSeesNothingNewer()
    {
        var cy = await _chat.PersonAsync("Cy");
        var group = await _chat.GroupAsync(_ann, "Launch", _bob, cy);
        var before = await _chat.SayAsync(_bob, group, "launch plan v1");
        var oldFile = await _chat.SendPngAsync(_bob, group, "old.png");
        await _chat.Messages.MarkReadAsync(cy.Actor, group, oldFile.Seq);
        var cySees = _chat.Listen(cy);

        await _chat.Chats.RemoveMemberAsync(_ann.Actor, group, cy.Id);
        var removalLine = (await _chat.StoredMessagesAsync(group))[^1];
        var after = await _chat.SayAsync(_bob, group, "launch plan v2, secret");
        var newFile = await _chat.SendPngAsync(_bob, group, "new.png");
        await _chat.Chats.RenameAsync(_ann.Actor, group, "Launch (secret)");

        var history = await _chat.WholeHistoryAsync(cy, group);
        Assert.Equal(removalLine.Seq, history[^1].Seq);
        Assert.Contains(history, m => m.Id == before.Id);
        Assert.DoesNotContain(history, m => m.Seq > removalLine.Seq);
        // Even asking for "older than" a message past their line gives nothing past it.
        Assert.DoesNotContain((await _chat.Messages.GetPageAsync(cy.Actor, group, long.MaxValue)).Messages, m => m.Seq > removalLine.Seq);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.SayAsync(cy, group, "am I still here?"));
        Assert.Equal("You are no longer in this chat.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.SendPngAsync(cy, group));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.SetTypingAsync(cy.Actor, group, true));
        Assert.NotNull(await _chat.Messages.OpenAttachmentAsync(cy.Actor, oldFile.Id));
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(cy.Actor, newFile.Id));
        Assert.Empty(await _chat.Messages.SearchAsync(cy.Actor, "secret"));
        Assert.Single(await _chat.Messages.SearchAsync(cy.Actor, "plan v1"));

        // Live: told of their own removal, then of nothing newer.
        Assert.Equal([removalLine.Seq], cySees.Posted(group).Select(m => m.Seq));
        Assert.Single(cySees.Of<ConversationChanged>(group));
        Assert.DoesNotContain(cySees.All, e => e is MessagePosted p && p.Message.Seq > removalLine.Seq);

        // The chat list shows neither the new preview nor new unread messages.
        var listed = Assert.Single(await _chat.Chats.ListAsync(cy.Actor));
        Assert.Null(listed.Preview);
        Assert.Equal(0, listed.UnreadCount);
        Assert.False((await _chat.Chats.GetDetailsAsync(cy.Actor, group)).IsMember);
        Assert.Contains(after.Id, (await _chat.WholeHistoryAsync(_bob, group)).Select(m => m.Id));
    }

    [Fact]
    public async Task AMemberWhoLeftSeesNothingNewerAndCannotSend()
    {
        var group = await _chat.GroupAsync(_ann, "Weekly", _bob);
        await _chat.SayAsync(_ann, group, "agenda");
        var bobSees = _chat.Listen(_bob);

        await _chat.Chats.LeaveAsync(_bob.Actor, group);
        var leftLine = (await _chat.StoredMessagesAsync(group))[^1];
        await _chat.SayAsync(_ann, group, "after bob left");

        Assert.Equal(MessageKind.System, leftLine.Kind);
        Assert.Equal(leftLine.Seq, (await _chat.WholeHistoryAsync(_bob, group))[^1].Seq);
        Assert.Equal([leftLine.Seq], bobSees.Posted(group).Select(m => m.Seq));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.SayAsync(_bob, group, "one more thing"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.LeaveAsync(_bob.Actor, group));
        Assert.Equal(0, await _chat.Chats.TotalUnreadAsync(_bob.Actor));
    }

    [Fact]
    public async Task AFormerMembersChatListShowsNoActivityAfterTheyLeft()
    {
        var group = await _chat.GroupAsync(_ann, "Old team", _bob);
        await _chat.Chats.LeaveAsync(_bob.Actor, group);
        var leftAt = (await _chat.StoredMessagesAsync(group))[^1].CreatedAt;
        var direct = await _chat.DirectAsync(_ann, _bob);
        await _chat.SayAsync(_ann, direct, "hello bob");

        _chat.Clock.Advance(TimeSpan.FromMinutes(5));
        await _chat.SayAsync(_ann, group, "bob is gone");

        var list = await _chat.Chats.ListAsync(_bob.Actor);
        // The group's later activity would otherwise lift it above the newer one-to-one chat: a sign of life.
        Assert.Equal([direct, group], list.Select(c => c.Id));
        Assert.Equal(leftAt, list[1].LastActivityAt);
    }

    [Fact]
    public async Task AFormerMemberDoesNotLearnWhoJoinedOrHowFarOthersReadAfterTheyLeft()
    {
        var dee = await _chat.PersonAsync("Dee");
        var group = await _chat.GroupAsync(_ann, "Board", _bob);
        await _chat.Chats.LeaveAsync(_bob.Actor, group);
        var bobsLine = (await _chat.StoredMessagesAsync(group))[^1].Seq;

        await _chat.Chats.AddMembersAsync(_ann.Actor, group, [dee.Id]);
        var later = await _chat.SayAsync(_ann, group, "after bob");
        await _chat.Messages.MarkReadAsync(dee.Actor, group, later.Seq);

        var readers = (await _chat.Messages.GetPageAsync(_bob.Actor, group)).Readers;
        Assert.Equal([(_ann.Id, bobsLine)], readers.Select(r => (r.UserId, r.LastReadSeq)));
        Assert.Equal([_ann.Id], (await _chat.Chats.GetDetailsAsync(_bob.Actor, group)).Members.Select(m => m.UserId));
        // Members still see everyone as they are.
        Assert.Equal(new[] { (_ann.Id, later.Seq), (dee.Id, later.Seq) }.Order(),
            (await _chat.Messages.GetPageAsync(_ann.Actor, group)).Readers.Select(r => (r.UserId, r.LastReadSeq)).Order());
    }

    [Fact]
    public async Task AChatHiddenBySomeoneWhoLeftStaysHiddenWhenTheOthersWriteOn()
    {
        var group = await _chat.GroupAsync(_ann, "Old team", _bob);
        await _chat.Chats.LeaveAsync(_bob.Actor, group);
        await _chat.Chats.HideAsync(_bob.Actor, group);

        await _chat.SayAsync(_ann, group, "still talking here");

        Assert.Empty(await _chat.Chats.ListAsync(_bob.Actor));
    }

    [Fact]
    public async Task AClientFindsOnlyStaffInThePeopleSearch()
    {
        var client = await _chat.PersonAsync("Tagzed Clara", Roles.Client);
        var otherClient = await _chat.PersonAsync("Tagzed Carl", Roles.Client);
        var agent = await _chat.PersonAsync("Tagzed Agnes", Roles.Agent);
        var admin = await _chat.PersonAsync("Tagzed Adam", Roles.Admin);
        await _chat.PersonAsync("Tagzed Unconfirmed", Roles.Agent, confirmed: false);

        var found = await _chat.Chats.SearchPeopleAsync(client.Actor, "tagzed");
        var foundByStaff = await _chat.Chats.SearchPeopleAsync(agent.Actor, "TAGZED");

        Assert.Equal(new[] { admin.Id, agent.Id }.Order(), found.Select(p => p.Id).Order());
        Assert.Equal(new[] { admin.Id, otherClient.Id, client.Id }.Order(), foundByStaff.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task AClientCannotStartAChatWithAnotherClient()
    {
        var client = await _chat.PersonAsync("Clara", Roles.Client);
        var otherClient = await _chat.PersonAsync("Carl", Roles.Client);

        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.DirectAsync(client, otherClient));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.GroupAsync(client, "Clients only", otherClient, _ann));
        var withStaff = await _chat.DirectAsync(client, _ann);

        Assert.Equal([withStaff], (await _chat.Chats.ListAsync(client.Actor)).Select(c => c.Id));
        Assert.Empty(await _chat.Chats.ListAsync(otherClient.Actor));
    }
}
