using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>
/// The chat on a phone (390×844) works as a phone's chat app does: the list, then the chat full width with a back button,
/// always exactly the screen's size (nothing scrolls but the list and the history).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ChatPhoneBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task OnAPhoneAChatOpensFromTheListFullWidthTakesAMessageAndBackLeadsToTheList()
    {
        var ivy = await SignUpClientAsync("Ivy Phone");
        var admin = await AdminStartsChatWithAsync("Ivy Phone");
        await SendAsync(admin, "Your parcel left today");

        await ivy.SetViewportSizeAsync(390, 844);
        await OpenChatPageAsync(ivy);
        var chats = ivy.GetByRole(AriaRole.List, new() { Name = "Chats" });
        await Assertions.Expect(chats).ToBeVisibleAsync();
        await AssertPageDoesNotScrollAsync(ivy);

        // The chat takes the whole screen: the list is gone, a back button and the message box are there.
        await ChatItem(ivy, AdminName).ClickAsync();
        await Assertions.Expect(ivy.GetByRole(AriaRole.Heading, new() { Name = AdminName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(chats).Not.ToBeVisibleAsync();
        var back = ivy.GetByRole(AriaRole.Link, new() { Name = "Back to chats" });
        await Assertions.Expect(back).ToBeVisibleAsync();
        await Assertions.Expect(Message(ivy, "Your parcel left today")).ToBeVisibleAsync();
        await Assertions.Expect(MessageBox(ivy)).ToBeInViewportAsync();
        var conversation = await ivy.GetByRole(AriaRole.Region, new() { Name = "Conversation" }).BoundingBoxAsync();
        Assert.InRange(conversation!.Width, 385, 390);
        // Down to the bottom of the screen, under the app bar: no gap below the message box, nothing cut off.
        Assert.InRange(conversation.Y + conversation.Height, 842, 844);

        await SendAsync(ivy, "Thank you, I will be home");
        await Assertions.Expect(Message(ivy, "Thank you, I will be home")).ToBeInViewportAsync();
        await Assertions.Expect(MessageBox(ivy)).ToBeInViewportAsync();
        await Assertions.Expect(ivy.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeInViewportAsync();
        await AssertPageDoesNotScrollAsync(ivy);

        await back.ClickAsync();
        await WaitForPathAsync(ivy, "/chat");
        await Assertions.Expect(chats).ToBeVisibleAsync();
        await Assertions.Expect(MessageBox(ivy)).ToHaveCountAsync(0);
        await Assertions.Expect(ChatItem(ivy, AdminName)).ToContainTextAsync("Thank you, I will be home");
        await AssertPageDoesNotScrollAsync(ivy);
    }
}
