using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

[Collection(BrowserGroup.Name)]
public sealed class ChatLiveBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task MessagesArriveLiveUnreadBadgesRiseAndFallReadTicksReachTheSenderAndTypingShowsAndClears()
    {
        var bea = await SignUpClientAsync("Bea Client");
        await OpenChatPageAsync(bea);
        await MarkDocumentAsync(bea);

        var admin = await AdminStartsChatWithAsync("Bea Client");
        await SendAsync(admin, "Hello Bea, welcome aboard");

        // Bea's open page shows the chat with one unread message, in the list and on the menu, without a reload.
        await Assertions.Expect(ChatItem(bea, AdminName)).ToContainTextAsync("Hello Bea, welcome aboard");
        await Assertions.Expect(UnreadBadge(bea, AdminName, 1)).ToBeVisibleAsync();
        await Assertions.Expect(NavBadge(bea, 1)).ToBeVisibleAsync();
        await SendAsync(admin, "Tell me when you have read this");
        await Assertions.Expect(UnreadBadge(bea, AdminName, 2)).ToBeVisibleAsync();
        await Assertions.Expect(NavBadge(bea, 2)).ToBeVisibleAsync();
        await Assertions.Expect(Message(admin, "Tell me when you have read this").GetByText("Sent", new() { Exact = true })).ToBeVisibleAsync();

        // Opening the chat reads it: the badges go, and the admin's ticks turn to "Read".
        await OpenChatAsync(bea, AdminName);
        await Assertions.Expect(Message(bea, "Hello Bea, welcome aboard")).ToBeVisibleAsync();
        await Assertions.Expect(ChatItem(bea, AdminName).GetByRole(AriaRole.Img, new() { NameRegex = new("unread$") })).ToHaveCountAsync(0);
        await Assertions.Expect(bea.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Img, new() { NameRegex = new("unread messages$") }))
            .ToHaveCountAsync(0);
        await Assertions.Expect(Message(admin, "Hello Bea, welcome aboard").GetByText("Read", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Message(admin, "Tell me when you have read this").GetByText("Read", new() { Exact = true })).ToBeVisibleAsync();

        // Typing shows on the other side, and clears by itself once she stops.
        await MessageBox(bea).PressSequentiallyAsync("I am wri");
        var typing = admin.GetByText("Bea Client is typing…");
        await Assertions.Expect(typing).ToBeVisibleAsync();
        await Assertions.Expect(typing).Not.ToBeVisibleAsync(new() { Timeout = 12_000 });

        // Her reply arrives live, and the message she was typing (a draft) was not lost meanwhile.
        await MessageBox(bea).PressSequentiallyAsync("ting back");
        await MessageBox(bea).PressAsync("Enter");
        await Assertions.Expect(Message(admin, "I am writing back")).ToBeVisibleAsync();
        await Assertions.Expect(MessageBox(bea)).ToHaveValueAsync("");

        // Text arrives as text: markup stays letters, a web link becomes a safe link, a script link stays text.
        await SendAsync(admin, "See <b>this</b> <img src=x onerror=alert(1)> at https://example.com/docs?a=1&b=2. Not javascript:alert(1)");
        var text = Message(bea, "See <b>this</b>").Locator(".msg-text");
        await Assertions.Expect(text).ToHaveTextAsync("See <b>this</b> <img src=x onerror=alert(1)> at https://example.com/docs?a=1&b=2. Not javascript:alert(1)");
        await Assertions.Expect(text.Locator("b, img")).ToHaveCountAsync(0);
        var link = text.GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://example.com/docs?a=1&b=2");
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await AssertNotReloadedAsync(bea);
    }

    [Fact]
    public async Task ShiftEnterMakesANewLineAndDraftsSurviveSwitchingChats()
    {
        var cleo = await SignUpClientAsync("Cleo Client");
        var dan = await SignUpClientAsync("Dan Client");
        var admin = await AdminStartsChatWithAsync("Cleo Client");
        await SendAsync(admin, "First line for Cleo");
        await StartDirectChatAsync(admin, "Dan Client");
        await SendAsync(admin, "First line for Dan");

        await OpenChatAsync(admin, "Cleo Client");
        await MessageBox(admin).PressSequentiallyAsync("half a thought");
        await OpenChatAsync(admin, "Dan Client");
        await Assertions.Expect(MessageBox(admin)).ToHaveValueAsync("");
        await OpenChatAsync(admin, "Cleo Client");
        await Assertions.Expect(MessageBox(admin)).ToHaveValueAsync("half a thought");

        await MessageBox(admin).PressAsync("Shift+Enter");
        await MessageBox(admin).PressSequentiallyAsync("second line");
        await MessageBox(admin).PressAsync("Enter");
        var sent = Message(admin, "half a thought");
        await Assertions.Expect(sent).ToBeVisibleAsync();
        Assert.Contains("half a thought\nsecond line", await sent.Locator(".msg-text").InnerTextAsync(), StringComparison.Ordinal);

        // Opening the same person again reuses the chat: still one item for Cleo, with the history.
        await StartDirectChatAsync(admin, "Cleo Client");
        await Assertions.Expect(ChatItem(admin, "Cleo Client")).ToHaveCountAsync(1);
        await Assertions.Expect(Message(admin, "First line for Cleo")).ToBeVisibleAsync();
        await cleo.CloseAsync();
        await dan.CloseAsync();
    }

    [Fact]
    public async Task TheSenderEditsAndDeletesForEveryoneAndTheOtherPageFollowsLive()
    {
        var gus = await SignUpClientAsync("Gus Client");
        await OpenChatPageAsync(gus);
        var admin = await AdminStartsChatWithAsync("Gus Client");
        await SendAsync(admin, "The meeting is on Tuesdya");
        await SendAsync(admin, "Wrong chat, sorry");
        await OpenChatAsync(gus, AdminName);
        await Assertions.Expect(Message(gus, "Wrong chat, sorry")).ToBeVisibleAsync();

        // Edit: the text changes on both pages and is marked edited. Only one's own messages can be edited or deleted
        // (anyone's can be answered or reacted to).
        var others = Message(gus, "Wrong chat, sorry");
        await others.HoverAsync();
        await others.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await Assertions.Expect(others.GetByRole(AriaRole.Button, new() { Name = "Reply" })).ToBeVisibleAsync();
        await Assertions.Expect(others.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Assertions.Expect(others.GetByRole(AriaRole.Button, new() { Name = "Delete for everyone" })).ToHaveCountAsync(0);
        var typo = Message(admin, "The meeting is on Tuesdya");
        await typo.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await typo.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Edit message" }).FillAsync("The meeting is on Tuesday");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        foreach (var page in new[] { admin, gus })
        {
            var fixedText = Message(page, "The meeting is on Tuesday");
            await Assertions.Expect(fixedText.GetByText("edited", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(Message(page, "Tuesdya")).ToHaveCountAsync(0);
        }

        // Delete for everyone, after confirming: both pages show "message deleted" in its place, without the text.
        var wrong = Message(admin, "Wrong chat, sorry");
        await wrong.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await wrong.GetByRole(AriaRole.Button, new() { Name = "Delete for everyone" }).ClickAsync();
        await ConfirmAsync(admin, "Delete this message for everyone?", "Delete");
        foreach (var page in new[] { admin, gus })
        {
            await Assertions.Expect(Message(page, "Wrong chat, sorry")).ToHaveCountAsync(0);
            await Assertions.Expect(Message(page, "message deleted")).ToHaveCountAsync(1);
        }
        await gus.CloseAsync();
    }

    [Fact]
    public async Task DeletingAChatTakesItOnlyOffOnesOwnListUntilTheNextMessageBringsItBack()
    {
        var hal = await SignUpClientAsync("Hal Client");
        var admin = await AdminStartsChatWithAsync("Hal Client");
        await SendAsync(admin, "Your order has shipped");

        await OpenChatPageAsync(hal);
        await OpenChatAsync(hal, AdminName);
        await hal.GetByRole(AriaRole.Button, new() { Name = "Delete chat" }).ClickAsync();
        await ConfirmAsync(hal, "Remove this chat from your list?", "Delete chat");

        // Gone from Hal's list, with the conversation closed; the admin keeps the chat and its history.
        await Assertions.Expect(ChatItem(hal, AdminName)).ToHaveCountAsync(0);
        await Assertions.Expect(MessageBox(hal)).ToHaveCountAsync(0);
        await Assertions.Expect(ChatItem(admin, "Hal Client")).ToHaveCountAsync(1);
        await Assertions.Expect(Message(admin, "Your order has shipped")).ToBeVisibleAsync();
        await MarkDocumentAsync(hal);

        // The admin's next message brings it back to Hal's open page, live and unread.
        await SendAsync(admin, "It arrives on Monday");
        await Assertions.Expect(ChatItem(hal, AdminName)).ToContainTextAsync("It arrives on Monday");
        await Assertions.Expect(UnreadBadge(hal, AdminName, 1)).ToBeVisibleAsync();
        await AssertNotReloadedAsync(hal);
    }

    [Fact]
    public async Task GroupOfThreeGetsEveryMessageInTheSameOrder()
    {
        var eve = await SignUpClientAsync("Eve Member");
        var finn = await SignUpClientAsync("Finn Member");
        var admin = await SignInAdminAsync();
        await OpenChatPageAsync(admin);
        await CreateGroupAsync(admin, "Launch crew", "Eve Member", "Finn Member");

        await OpenChatPageAsync(eve);
        await OpenChatAsync(eve, "Launch crew");
        await OpenChatPageAsync(finn);
        await OpenChatAsync(finn, "Launch crew");

        await SendAsync(admin, "Admin says one");
        await SendAsync(eve, "Eve says two");
        await SendAsync(finn, "Finn says three");

        string[] expected = ["Admin says one", "Eve says two", "Finn says three"];
        foreach (var page in new[] { admin, eve, finn })
        {
            foreach (var text in expected) await Assertions.Expect(Message(page, text)).ToBeVisibleAsync();
            var texts = await page.GetByRole(AriaRole.List, new() { Name = "Messages" }).Locator(".msg-text").AllInnerTextsAsync();
            Assert.Equal(expected, texts.Where(t => expected.Contains(t)).ToArray());
        }
        // In a group the sender sees how many have read: both others have the chat open.
        await Assertions.Expect(Message(admin, "Admin says one").GetByRole(AriaRole.Button, new() { Name = "Read by 2" })).ToBeVisibleAsync();
    }
}
