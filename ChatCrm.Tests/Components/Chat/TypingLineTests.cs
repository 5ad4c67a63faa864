using Bunit;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// The line under a chat's title while others write: it follows the live typing events of that chat only, ends with
/// the typist's message or their "stopped", fades by itself when that never comes, and otherwise shows what it wraps.
/// </summary>
public sealed class TypingLineTests : ChatTestBase
{
    private static readonly RenderFragment Presence = builder => builder.AddMarkupContent(0, "<span class=\"presence\">online</span>");

    private static IRenderedComponent<TypingLine> Render(BunitContext context, Guid chat) =>
        context.Render<TypingLine>(p => p.Add(t => t.ConversationId, chat).Add(t => t.ChildContent, Presence));

    [Fact]
    public async Task ShowsWhoIsTypingUntilTheirMessageOrTheirStopArrives()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, Cy);
        var elsewhere = await Chat.GroupAsync(Ann, "Elsewhere", Bob);
        var line = Render(context, group);
        Assert.Equal("online", line.Find(".presence").TextContent);

        await Chat.Messages.SetTypingAsync(Bob.Actor, group, true);
        line.WaitForAssertion(() => Assert.Equal($"{Bob.Name} is typing…", line.Find(".typing").TextContent));
        await Chat.Messages.SetTypingAsync(Cy.Actor, group, true);
        line.WaitForAssertion(() => Assert.Equal($"{Bob.Name} and {Cy.Name} are typing…", line.Find(".typing").TextContent));
        // Typing in another chat is not typing here.
        await Chat.Messages.SetTypingAsync(Bob.Actor, elsewhere, true);

        // Bob's message ends his typing; Cy says she stopped.
        await Chat.SayAsync(Bob, group, "Ready when you are");
        line.WaitForAssertion(() => Assert.Equal($"{Cy.Name} is typing…", line.Find(".typing").TextContent));
        await Chat.Messages.SetTypingAsync(Cy.Actor, group, false);
        line.WaitForAssertion(() => Assert.Equal("online", line.Find(".presence").TextContent));
        Assert.Empty(line.FindAll(".typing"));
    }

    [Fact]
    public async Task OnesOwnTypingIsNotShownAndALostStopFadesByItself()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var line = Render(context, direct);

        // Another page of Ann's own (her phone) typing in the same chat.
        await Chat.Events.PublishAsync([Ann.Id], new TypingChanged(direct, Ann.Id, Ann.Name, true));
        await Chat.Messages.SetTypingAsync(Bob.Actor, direct, true);
        line.WaitForAssertion(() => Assert.Equal($"{Bob.Name} is typing…", line.Find(".typing").TextContent));

        // Bob's tab closed without a "stopped": the line goes after a few seconds anyway.
        line.WaitForAssertion(() => Assert.Equal("online", line.Find(".presence").TextContent), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void ManyTypistsAreCounted() =>
        Assert.Equal("3 people are typing…", TypingLine.Describe(["Ann", "Bob", "Cy"]));
}
