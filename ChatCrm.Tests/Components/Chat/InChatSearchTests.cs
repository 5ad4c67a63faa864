using Bunit;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>The search inside one chat says what a short query needs, and tells "nothing found" from "not yet searched".</summary>
public sealed class InChatSearchTests : ChatTestBase
{
    [Fact]
    public async Task TwoCharactersAskForAThirdAndThreeSearchTheChat()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Bob, direct, "The invoice is attached");

        var search = context.Render<InChatSearch>(p => p.Add(s => s.ConversationId, direct));
        var box = search.Find("input[type=search]");

        box.Input("in");
        search.WaitForAssertion(() => Assert.Contains("Type at least 3 characters.", search.Markup, StringComparison.Ordinal));
        Assert.Empty(search.FindAll("ul[aria-label='Messages found'] li"));

        search.Find("input[type=search]").Input("inv");
        search.WaitForAssertion(() => Assert.Contains("The invoice is attached", Assert.Single(search.FindAll("ul[aria-label='Messages found'] li")).TextContent,
            StringComparison.Ordinal));

        search.Find("input[type=search]").Input("invx");
        search.WaitForAssertion(() => Assert.Contains("No messages match.", search.Markup, StringComparison.Ordinal));
    }
}
