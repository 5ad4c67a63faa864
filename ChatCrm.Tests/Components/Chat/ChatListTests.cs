using Bunit;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>The chat list: a one-to-one chat opened with nobody writing leaves no empty entry; its first message brings it in, live.</summary>
public sealed class ChatListTests : ChatTestBase
{
    [Fact]
    public async Task AChatOpenedWithNobodyWritingLeavesNoEntryUntilItsFirstMessage()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var direct = await Chat.DirectAsync(Ann, Bob);

        var list = context.Render<ChatList>(p => p.Add(l => l.ActiveId, direct));
        list.WaitForAssertion(() => Assert.Contains("No chats yet.", list.Markup));
        Assert.Empty(list.FindAll("ul[aria-label=Chats] li"));

        await Chat.SayAsync(Bob, direct, "Hello Ann");
        list.WaitForAssertion(() =>
        {
            var item = Assert.Single(list.FindAll("ul[aria-label=Chats] li"));
            Assert.Contains(Bob.Name, item.TextContent, StringComparison.Ordinal);
            Assert.Contains("Hello Ann", item.TextContent, StringComparison.Ordinal);
        });
    }
}
