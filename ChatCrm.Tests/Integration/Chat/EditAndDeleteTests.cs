using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Editing one's own text, deleting one's own message for everyone within the time limit, nothing else.</summary>
public sealed class EditAndDeleteTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;
    private Guid _group;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync(new Dictionary<string, string?> { ["ChatCrm:Chat:DeleteForEveryoneMinutes"] = "10" });
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
        _group = await _chat.GroupAsync(_ann, "Team", _bob);
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task TheSenderEditsTheirTextAndEveryoneSeesItMarkedEdited()
    {
        var sent = await _chat.SayAsync(_ann, _group, "meeting at 3");
        var bobSees = _chat.Listen(_bob);
        _chat.Clock.Advance(TimeSpan.FromMinutes(2));

        var edited = await _chat.Messages.EditAsync(_ann.Actor, sent.Id, "  meeting at 4  ");

        Assert.Equal(("meeting at 4", sent.Seq), (edited.Text, edited.Seq));
        Assert.NotNull(edited.EditedAt);
        Assert.True(edited.EditedAt > sent.CreatedAt);
        var onBobsPage = (await _chat.Messages.GetPageAsync(_bob.Actor, _group)).Messages.Single(m => m.Id == sent.Id);
        Assert.Equal("meeting at 4", onBobsPage.Text);
        // SQLite keeps times to a tenth of a millisecond.
        Assert.Equal(edited.EditedAt!.Value, onBobsPage.EditedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(edited, Assert.Single(bobSees.Of<MessageChanged>(_group)).Message);
        // The chat list follows: it previews the text as it now reads.
        Assert.Equal("meeting at 4", (await _chat.Chats.ListAsync(_bob.Actor)).Single().Preview);
    }

    [Fact]
    public async Task OnlyTextMessagesCanBeEdited()
    {
        var file = await _chat.SendPngAsync(_ann, _group);
        var systemLine = (await _chat.StoredMessagesAsync(_group))[0];

        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.EditAsync(_ann.Actor, file.Id, "a caption now"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.EditAsync(_ann.Actor, systemLine.Id, "Ann made everything"));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.EditAsync(_ann.Actor, file.Id, "   "));

        Assert.Equal(MessageKind.System, systemLine.Kind);
        Assert.All(await _chat.StoredMessagesAsync(_group), m => Assert.Null(m.EditedAt));
    }

    [Fact]
    public async Task NobodyEditsOrDeletesSomeoneElsesMessageNotEvenAnAdminInTheGroup()
    {
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        await _chat.Chats.AddMembersAsync(_ann.Actor, _group, [admin.Id]);
        var annsText = await _chat.SayAsync(_ann, _group, "my words");
        var annsFile = await _chat.SendPngAsync(_ann, _group);

        foreach (var other in new[] { _bob, admin })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.EditAsync(other.Actor, annsText.Id, "their words"));
            await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.DeleteAsync(other.Actor, annsText.Id));
            await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.DeleteAsync(other.Actor, annsFile.Id));
        }

        var stored = await _chat.StoredMessagesAsync(_group);
        Assert.Equal("my words", stored.Single(m => m.Id == annsText.Id).Text);
        Assert.All(stored, m => Assert.Null(m.DeletedAt));
        Assert.NotNull(await _chat.Messages.OpenAttachmentAsync(_bob.Actor, annsFile.Id));
    }

    [Fact]
    public async Task TheSenderDeletesForEveryoneWithinTheLimitAndItShowsDeletedWithoutText()
    {
        var sent = await _chat.SayAsync(_ann, _group, "wrong chat, sorry");
        var bobSees = _chat.Listen(_bob);
        _chat.Clock.Advance(TimeSpan.FromMinutes(9));

        var deleted = await _chat.Messages.DeleteAsync(_ann.Actor, sent.Id);

        Assert.True(deleted.IsDeleted);
        Assert.Null(deleted.Text);
        var onBobsPage = (await _chat.Messages.GetPageAsync(_bob.Actor, _group)).Messages.Single(m => m.Id == sent.Id);
        Assert.Equal((true, null, sent.Seq), (onBobsPage.IsDeleted, onBobsPage.Text, onBobsPage.Seq));
        Assert.True(Assert.Single(bobSees.Of<MessageChanged>(_group)).Message.IsDeleted);
        Assert.Null((await _chat.StoredMessagesAsync(_group)).Single(m => m.Id == sent.Id).Text);
        // Gone everywhere: not found by search, no longer in the chat list's preview.
        Assert.Empty(await _chat.Messages.SearchAsync(_bob.Actor, "wrong chat"));
        Assert.Equal(MessageService.DeletedPreview, (await _chat.Chats.ListAsync(_bob.Actor)).Single().Preview);
        // And it stays deleted: no edit brings the text back, a second delete changes nothing.
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.EditAsync(_ann.Actor, sent.Id, "back again"));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.DeleteAsync(_ann.Actor, sent.Id));
    }

    [Fact]
    public async Task AfterTheTimeLimitAMessageCannotBeDeletedForEveryone()
    {
        var sent = await _chat.SayAsync(_ann, _group, "said and done");
        _chat.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.DeleteAsync(_ann.Actor, sent.Id));

        Assert.Contains("within 10 minutes", refused.Message, StringComparison.Ordinal);
        Assert.False((await _chat.Messages.GetPageAsync(_bob.Actor, _group)).Messages.Single(m => m.Id == sent.Id).IsDeleted);
        // Editing has no time limit.
        Assert.Equal("said and done!", (await _chat.Messages.EditAsync(_ann.Actor, sent.Id, "said and done!")).Text);
    }

    [Fact]
    public async Task DeletingAFileMessageRemovesTheFileFromDisk()
    {
        var kept = await _chat.SendPngAsync(_ann, _group, "kept.png");
        var sent = await _chat.SendPngAsync(_ann, _group, "oops.png");
        var path = (await _chat.Messages.OpenAttachmentAsync(_bob.Actor, sent.Id))!.Value.Path;
        Assert.True(File.Exists(path));

        var deleted = await _chat.Messages.DeleteAsync(_ann.Actor, sent.Id);

        Assert.False(File.Exists(path));
        Assert.True(deleted.IsDeleted);
        Assert.Null(deleted.Attachment);
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(_ann.Actor, sent.Id));
        Assert.Null((await _chat.StoredMessagesAsync(_group)).Single(m => m.Id == sent.Id).Attachment);
        Assert.Single(_chat.StoredFiles());
        Assert.NotNull(await _chat.Messages.OpenAttachmentAsync(_bob.Actor, kept.Id));
    }

    [Fact]
    public async Task SomeoneWhoLeftCannotChangeWhatTheyWrote()
    {
        var sent = await _chat.SayAsync(_bob, _group, "bye all");
        await _chat.Chats.LeaveAsync(_bob.Actor, _group);

        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.EditAsync(_bob.Actor, sent.Id, "changed"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.DeleteAsync(_bob.Actor, sent.Id));
    }
}
