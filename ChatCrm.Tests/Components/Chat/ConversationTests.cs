using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>An open chat whose other person's account an admin deletes: readable, with its ticks, but no longer writable.</summary>
public sealed class ConversationTests : ChatTestBase
{
    [Fact]
    public async Task WhenTheOtherAccountIsDeletedTheComposerGoesAtOnceAndEarlierReadTicksStayRead()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var read = await Chat.SayAsync(Ann, direct, "The contract is attached");
        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, read.Seq);
        await Chat.SayAsync(Ann, direct, "Call me when you can");

        var conversation = context.Render<Conversation>(p => p.Add(c => c.ConversationId, direct));
        conversation.WaitForAssertion(() => Assert.NotNull(conversation.Find("textarea[aria-label=Message]")));
        Assert.Equal(["Read", "Sent"], conversation.FindAll(".msg-tick").Select(t => t.TextContent.Trim()));

        Assert.True((await Chat.Core.Get<AdminAccountService>().DeleteAsync(admin.Actor, Bob.Id)).Succeeded);

        // The open page is told: no box to write in, and why; the history and its ticks stay.
        conversation.WaitForAssertion(() =>
            Assert.Contains("This account was deleted: you can read this chat, but no longer write to it.", conversation.Markup));
        Assert.Empty(conversation.FindAll("textarea[aria-label=Message]"));
        Assert.Equal("Deleted user", conversation.Find("h2.conversation-title").TextContent);
        Assert.Equal("account deleted", conversation.Find(".conversation-status").TextContent);
        Assert.Equal(["Read", "Sent"], conversation.FindAll(".msg-tick").Select(t => t.TextContent.Trim()));

        // Opened again later, the same.
        var reopened = context.Render<Conversation>(p => p.Add(c => c.ConversationId, direct));
        reopened.WaitForAssertion(() => Assert.Equal(["Read", "Sent"], reopened.FindAll(".msg-tick").Select(t => t.TextContent.Trim())));
        Assert.Empty(reopened.FindAll("textarea[aria-label=Message]"));
    }
}
