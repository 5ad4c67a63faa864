using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// An admin deletes an account: the chats it was in stay, readable, with its messages as "Deleted user"; a one-to-one
/// chat with it can no longer be written to, and what it had read stays read.
/// </summary>
public sealed class DeletedAccountTests : ChatTestBase
{
    private Task<Result> DeleteAsync(Person admin, Person who) => Chat.Core.Get<AdminAccountService>().DeleteAsync(admin.Actor, who.Id);

    [Fact]
    public async Task TheOtherPersonReadsTheChatCannotWriteToItAndTheirEarlierReadTicksStayRead()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var seen = await Chat.SayAsync(Ann, direct, "Did you get the invoice?");
        await Chat.SayAsync(Bob, direct, "Yes, thanks");
        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, seen.Seq + 1);
        var unseen = await Chat.SayAsync(Ann, direct, "And the receipt?");
        var annsPage = Chat.Listen(Ann);

        var deleted = await DeleteAsync(admin, Bob);

        Assert.True(deleted.Succeeded, deleted.Error);
        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, direct);
        Assert.True(details.OtherAccountDeleted);
        Assert.True(details.IsMember);
        Assert.Equal(ConversationService.DeletedUser, details.Title);
        var page = await Chat.Messages.GetPageAsync(Ann.Actor, direct);
        Assert.Equal(["Did you get the invoice?", "Yes, thanks", "And the receipt?"], page.Messages.Select(m => m.Text));
        Assert.Equal(ConversationService.DeletedUser, page.Messages[1].SenderName);
        // Bob's read mark is still there (the page shows "Read" up to it, "Sent" after).
        var mark = Assert.Single(page.Readers, r => r.UserId == Bob.Id);
        Assert.Equal(seen.Seq + 1, mark.LastReadSeq);
        Assert.True(mark.LastReadSeq < unseen.Seq);
        Assert.Equal(ConversationService.DeletedUser, mark.DisplayName);

        var refused = await Assert.ThrowsAsync<ChatRuleException>(() => Chat.SayAsync(Ann, direct, "Hello?"));
        Assert.Equal(ChatAccess.AccountDeleted, refused.Message);
        await Assert.ThrowsAsync<ChatRuleException>(() => Chat.SendPngAsync(Ann, direct));
        Assert.Empty(Chat.StoredFiles());
        Assert.Equal(3, (await Chat.StoredMessagesAsync(direct)).Count);

        // Still on her list, and her open page was told, so it can take the message box away at once.
        Assert.Equal(ConversationService.DeletedUser, Assert.Single(await Chat.Chats.ListAsync(Ann.Actor)).Title);
        Assert.Single(annsPage.Of<ConversationChanged>(direct));
    }

    [Fact]
    public async Task AGroupLosesTheDeletedMemberHandsOnTheirOwnershipAndGoesOn()
    {
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, Cy);
        await Chat.SayAsync(Ann, group, "Kick-off at ten");

        Assert.True((await DeleteAsync(admin, Ann)).Succeeded);

        var details = await Chat.Chats.GetDetailsAsync(Bob.Actor, group);
        Assert.False(details.OtherAccountDeleted);
        Assert.Equal(new[] { Bob.Id, Cy.Id }.Order(), details.Members.Select(m => m.UserId).Order());
        var owner = Assert.Single(details.Members, m => m.IsOwner);
        var heir = owner.UserId == Bob.Id ? Bob : Cy;
        await Chat.Chats.RenameAsync(heir.Actor, group, "Launch, new hands");
        await Chat.SayAsync(Cy, group, "Still here");
        Assert.Contains("Kick-off at ten", (await Chat.WholeHistoryAsync(Bob, group)).Select(m => m.Text));
    }
}
