using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// Who is alerted of a message, and how (Core/Chat/AlertService): never of one's own or a system line, not in a muted
/// chat, and with each person's own switches. Whether the chat is in view is the page's to know (browser tests).
/// </summary>
public sealed class ChatAlertTests : ChatTestBase
{
    private AlertService Alerts => Chat.Core.Get<AlertService>();

    [Fact]
    public async Task AMessageFromSomeoneElseAlertsWithTheSenderAndTheGroupAndAShortLine()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob);
        var direct = await Chat.DirectAsync(Cy, Bob);
        var inGroup = await Chat.SayAsync(Ann, group, "The quote is ready\nsee the attachment");
        var inDirect = await Chat.SendPngAsync(Cy, direct, "plan.png");

        Assert.Equal(new ChatAlert($"{Ann.Name} in Sales", "The quote is ready see the attachment", Desktop: true, Sound: true), await Alerts.ForAsync(Bob.Actor, inGroup));
        Assert.Equal(new ChatAlert(Cy.Name, "📷 plan.png", Desktop: true, Sound: true), await Alerts.ForAsync(Bob.Actor, inDirect));
        Assert.Null(await Alerts.ForAsync(Ann.Actor, inGroup));
        var systemLine = (await Chat.WholeHistoryAsync(Bob, group)).First(m => m.Kind == MessageKind.System);
        Assert.Null(await Alerts.ForAsync(Bob.Actor, systemLine));
        // Someone outside the chat learns nothing from a message id.
        Assert.Null(await Alerts.ForAsync(Cy.Actor, inGroup));
    }

    [Fact]
    public async Task AMutedChatStaysSilentForThatPersonOnlyAndStillCountsAsUnread()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var bobSees = Chat.Listen(Bob);

        await Alerts.SetMutedAsync(Bob.Actor, group, muted: true);
        var message = await Chat.SayAsync(Ann, group, "Anyone?");

        Assert.Null(await Alerts.ForAsync(Bob.Actor, message));
        Assert.NotNull(await Alerts.ForAsync(Cy.Actor, message));
        var listed = Assert.Single(await Chat.Chats.ListAsync(Bob.Actor));
        Assert.Equal((true, 1), (listed.Muted, listed.UnreadCount));
        Assert.True((await Chat.Chats.GetDetailsAsync(Bob.Actor, group)).Muted);
        Assert.False((await Chat.Chats.GetDetailsAsync(Cy.Actor, group)).Muted);
        // His other pages redraw the chat's header and list at once.
        Assert.NotEmpty(bobSees.Of<ConversationChanged>(group));

        await Alerts.SetMutedAsync(Bob.Actor, group, muted: false);
        Assert.NotNull(await Alerts.ForAsync(Bob.Actor, message));
    }

    [Fact]
    public async Task OnlyAMemberMayMuteAChat()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob);

        var outsider = await Assert.ThrowsAsync<ForbiddenException>(() => Alerts.SetMutedAsync(Cy.Actor, group, muted: true));
        Assert.Equal(ChatAccess.NotFound, outsider.Message);
        await Chat.Chats.LeaveAsync(Bob.Actor, group);
        await Assert.ThrowsAsync<ForbiddenException>(() => Alerts.SetMutedAsync(Bob.Actor, group, muted: true));
    }

    [Fact]
    public async Task EachPersonsSwitchesShapeTheirAlertAndBothOffMeansNone()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var message = await Chat.SayAsync(Ann, direct, "Call me");
        Assert.Equal(new AlertSettings(Desktop: true, Sound: true, DigestMail: true), await Alerts.GetSettingsAsync(Bob.Actor));

        await Alerts.SetSettingsAsync(Bob.Actor, new AlertSettings(Desktop: false, Sound: true, DigestMail: true));
        Assert.Equal(new AlertSettings(false, true, true), await Alerts.GetSettingsAsync(Bob.Actor));
        Assert.Equal((false, true), await AlertShapeAsync(Bob, message));

        await Alerts.SetSettingsAsync(Bob.Actor, new AlertSettings(Desktop: true, Sound: false, DigestMail: true));
        Assert.Equal((true, false), await AlertShapeAsync(Bob, message));

        await Alerts.SetSettingsAsync(Bob.Actor, new AlertSettings(Desktop: false, Sound: false, DigestMail: false));
        Assert.Null(await Alerts.ForAsync(Bob.Actor, message));
        // Ann's are her own.
        Assert.Equal(new AlertSettings(true, true, true), await Alerts.GetSettingsAsync(Ann.Actor));
    }

    private async Task<(bool Desktop, bool Sound)?> AlertShapeAsync(Person who, MessageView message) =>
        await Alerts.ForAsync(who.Actor, message) is { } alert ? (alert.Desktop, alert.Sound) : null;
}
