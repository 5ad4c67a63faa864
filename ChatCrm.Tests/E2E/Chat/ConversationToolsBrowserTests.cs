using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>
/// Replies, reactions, pins and @mentions between real browsers. History pages hold 10 messages here, so a reply's
/// original a few dozen messages up is pages away and must be loaded by key to be shown.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ConversationToolsBrowserTests(BrowserFixture browser, SmtpServerFixture smtp)
    : ChatBrowserTestBase(browser, smtp, new Dictionary<string, string?> { ["ChatCrm:Chat:PageSize"] = "10" })
{
    private const string Question = "Where is my invoice for March?";

    [Fact]
    public async Task APinnedMessageIsFoundPagesUpAnsweredAndTheReplysQuoteLeadsTheOtherPersonBackToItWhileReactionsCountLive()
    {
        var bea = await SignUpClientAsync("Bea Client");
        await OpenChatPageAsync(bea);
        var admin = await AdminStartsChatWithAsync("Bea Client");
        await SendAsync(admin, "Hello Bea");
        await OpenChatAsync(bea, AdminName);
        await SendAsync(bea, Question);

        // Either person pins in a one-to-one chat; the other sees the mark at once.
        await ChooseActionAsync(admin, Message(admin, Question), "Pin");
        await Assertions.Expect(Message(bea, Question).Locator(".msg-pinned")).ToBeVisibleAsync();

        for (var n = 1; n <= 25; n++) await SendAsync(admin, $"Filler line {n:00}");

        // Reactions: Bea's thumbs up reaches the admin with her name; the admin adds his; both see two.
        await Assertions.Expect(Message(bea, "Filler line 25")).ToBeVisibleAsync();
        await ChooseActionAsync(bea, Message(bea, "Filler line 25"), "React 👍");
        var adminsChip = Message(admin, "Filler line 25").GetByRole(AriaRole.Button, new() { NameRegex = new("^👍 1: Bea Client$") });
        await Assertions.Expect(adminsChip).ToHaveAttributeAsync("aria-pressed", "false");
        await adminsChip.ClickAsync();
        await Assertions.Expect(Message(bea, "Filler line 25").GetByRole(AriaRole.Button, new() { NameRegex = new("^👍 2: Bea Client, Administrator$") }))
            .ToHaveAttributeAsync("aria-pressed", "true");

        // The admin reopens the chat (the newest page only), finds the question through the pinned list, and answers it.
        await admin.ReloadAsync();
        await WaitForCircuitAsync(admin);
        await Assertions.Expect(QuestionText(admin)).ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Pinned messages" }).ClickAsync();
        var pins = admin.GetByRole(AriaRole.Region, new() { Name = "Pinned messages" });
        await pins.Locator(".pinned-show", new() { HasTextString = Question }).ClickAsync();
        await Assertions.Expect(QuestionText(admin)).ToBeInViewportAsync();
        await ChooseActionAsync(admin, Message(admin, Question), "Reply");
        await Assertions.Expect(admin.GetByText("Replying to Bea Client")).ToBeVisibleAsync();
        await SendAsync(admin, "Sent it this morning");
        await Assertions.Expect(admin.GetByText("Replying to Bea Client")).ToHaveCountAsync(0);

        // Bea's page gets the answer live, quoting her question; after a reload the question is pages up, and the quote
        // brings it into view.
        var reply = Message(bea, "Sent it this morning");
        await Assertions.Expect(reply.Locator(".msg-quote")).ToHaveAccessibleNameAsync($"Bea Client {Question}");
        await bea.ReloadAsync();
        await WaitForCircuitAsync(bea);
        await Assertions.Expect(QuestionText(bea)).ToHaveCountAsync(0);
        await reply.Locator(".msg-quote").ClickAsync();
        await Assertions.Expect(QuestionText(bea)).ToBeInViewportAsync();
        await Assertions.Expect(Message(bea, "Filler line 01")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task TypingAtSuggestsTheGroupsMembersAndTheMentionedPersonSeesTheirNameHighlighted()
    {
        var cal = await SignUpClientAsync("Cal Client");
        await OpenChatPageAsync(cal);
        var dot = await SignUpClientAsync("Dot Client");
        await OpenChatPageAsync(dot);
        var admin = await SignInAdminAsync();
        await OpenChatPageAsync(admin);
        await CreateGroupAsync(admin, "Launch", "Cal Client", "Dot Client");
        await ComposerReadyAsync(admin);

        await MessageBox(admin).PressSequentiallyAsync("Thanks @ca");
        var suggestions = admin.GetByRole(AriaRole.Listbox, new() { Name = "Mention someone" });
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Option)).ToContainTextAsync("Cal Client");
        await MessageBox(admin).PressAsync("Enter");
        await Assertions.Expect(suggestions).ToHaveCountAsync(0);
        await Assertions.Expect(MessageBox(admin)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Thanks @cal[a-z0-9._-]* $"));
        await MessageBox(admin).PressSequentiallyAsync("for the review");
        await MessageBox(admin).PressAsync("Enter");

        await OpenChatAsync(cal, "Launch");
        await Assertions.Expect(Message(cal, "for the review").Locator(".mention.me")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^@cal"));
        await Assertions.Expect(Message(cal, "for the review")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmentions-me\b"));
        await OpenChatAsync(dot, "Launch");
        await Assertions.Expect(Message(dot, "for the review").Locator(".mention")).ToHaveCountAsync(1);
        await Assertions.Expect(Message(dot, "for the review").Locator(".mention.me")).ToHaveCountAsync(0);
    }

    private static ILocator QuestionText(IPage page) =>
        page.GetByRole(AriaRole.List, new() { Name = "Messages" }).Locator(".msg-text", new() { HasTextString = Question });

    /// <summary>Opens a message's menu (shown on hover, as a person reaches it) and chooses an action.</summary>
    private static async Task ChooseActionAsync(IPage page, ILocator message, string action)
    {
        await message.HoverAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
    }
}
