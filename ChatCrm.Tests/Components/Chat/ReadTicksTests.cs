using Bunit;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// Read ticks on one's own messages follow the others' read marks live (<see cref="ReadTicks"/>): "Sent" until someone
/// reads that far, then "Read" in a one-to-one chat or "Read by N" in a group, with who on demand.
/// </summary>
public sealed class ReadTicksTests : ChatTestBase
{
    private static List<string> Ticks(IRenderedComponent<MessageList> list) =>
        list.FindAll(".msg-tick").Select(t => t.TextContent.Trim()).ToList();

    [Fact]
    public async Task InAGroupTicksCountTheReadersLiveAndNameThemOnDemand()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob, Cy);
        var agenda = await Chat.SayAsync(Ann, group, "Agenda attached");
        var start = await Chat.SayAsync(Ann, group, "Starts at ten");
        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, group);

        var list = context.Render<MessageList>(p => p.Add(l => l.ConversationId, group).Add(l => l.Details, details));
        list.WaitForAssertion(() => Assert.Equal(["Sent", "Sent"], Ticks(list)));

        await Chat.Messages.MarkReadAsync(Bob.Actor, group, agenda.Seq);
        list.WaitForAssertion(() => Assert.Equal(["Read by 1", "Sent"], Ticks(list)));
        await Chat.Messages.MarkReadAsync(Cy.Actor, group, start.Seq);
        list.WaitForAssertion(() => Assert.Equal(["Read by 2", "Read by 1"], Ticks(list)));

        await list.Find("button.msg-tick").ClickAsync();
        Assert.Equal(new[] { Bob.Name, Cy.Name }.Order(StringComparer.CurrentCultureIgnoreCase),
            list.FindAll("ul.msg-readers li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task InAOneToOneChatReadMeansTheOtherPersonReadThatFar()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var direct = await Chat.DirectAsync(Ann, Bob);
        var first = await Chat.SayAsync(Ann, direct, "Quote sent");
        await Chat.SayAsync(Ann, direct, "Any questions?");
        var details = await Chat.Chats.GetDetailsAsync(Ann.Actor, direct);

        var list = context.Render<MessageList>(p => p.Add(l => l.ConversationId, direct).Add(l => l.Details, details));
        list.WaitForAssertion(() => Assert.Equal(["Sent", "Sent"], Ticks(list)));

        await Chat.Messages.MarkReadAsync(Bob.Actor, direct, first.Seq);
        list.WaitForAssertion(() => Assert.Equal(["Read", "Sent"], Ticks(list)));
        // Someone reading their own side does not move the ticks on Ann's.
        await Chat.Messages.MarkReadAsync(Ann.Actor, direct, first.Seq + 1);
        Assert.Equal(["Read", "Sent"], Ticks(list));
    }
}
