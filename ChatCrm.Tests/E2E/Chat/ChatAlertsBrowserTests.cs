using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>
/// Never missing a message: a browser notification and a chime for a message in a chat not in view, none for the chat
/// that is open or one that is muted, the unread count in the tab's title, the one-time offer to turn notifications on
/// and the profile's switches.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class ChatAlertsBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    // Watches the page's notifications and the chime's tones without replacing either: each real Notification is still
    // made, and the real oscillators still play.
    private const string Recorder = """
        window.__notes = [];
        window.__tones = 0;
        if (window.Notification) {
            const Real = window.Notification;
            window.Notification = class extends Real {
                constructor(title, options) {
                    window.__notes.push({ title, body: options && options.body });
                    super(title, options);
                }
            };
        }
        const realOscillator = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () {
            window.__tones++;
            return realOscillator.call(this);
        };
        """;

    private bool _allowNotifications = true;

    protected override async Task OnNewPageAsync(IPage page)
    {
        if (_allowNotifications) await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.AddInitScriptAsync(Recorder);
    }

    [Fact]
    public async Task AMessageInAChatNotInViewNotifiesAndChimesTheOpenChatAndAMutedOneDoNotAndTheTitleCounts()
    {
        var bea = await SignUpClientAsync("Bea Client");
        var admin = await AdminStartsChatWithAsync("Bea Client");
        await SendAsync(admin, "Hello Bea");
        await CreateGroupAsync(admin, "Launch", "Bea Client");
        await OpenChatPageAsync(bea);
        await OpenChatAsync(bea, AdminName);

        // The chat she is looking at: the message appears, nothing more.
        await OpenChatAsync(admin, "Bea Client");
        await SendAsync(admin, "Are you there?");
        await Assertions.Expect(Message(bea, "Are you there?")).ToBeVisibleAsync();

        // Another chat: a notification naming the sender and the group, a chime, and the count in the tab's title.
        await OpenChatAsync(admin, "Launch");
        await SendAsync(admin, "Launch moved to Friday");
        await Assertions.Expect(UnreadBadge(bea, "Launch", 1)).ToBeVisibleAsync();
        await bea.WaitForFunctionAsync("() => window.__notes.length > 0");
        Assert.Equal([($"{AdminName} in Launch", "Launch moved to Friday")], await NotesAsync(bea));
        Assert.True(await bea.EvaluateAsync<int>("() => window.__tones") > 0, "No chime played.");
        await Assertions.Expect(bea).ToHaveTitleAsync(UnreadTitle());

        // She mutes the group: its next message only counts, on the list and in the title.
        await OpenChatAsync(bea, "Launch");
        await Assertions.Expect(bea).Not.ToHaveTitleAsync(UnreadTitle());
        await bea.GetByRole(AriaRole.Button, new() { Name = "Mute chat" }).ClickAsync();
        await Assertions.Expect(bea.GetByRole(AriaRole.Button, new() { Name = "Mute chat" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(ChatItem(bea, "Launch").GetByRole(AriaRole.Img, new() { Name = "muted" })).ToBeVisibleAsync();
        await OpenChatAsync(bea, AdminName);
        var tones = await bea.EvaluateAsync<int>("() => window.__tones");
        await SendAsync(admin, "Quiet please");
        await Assertions.Expect(UnreadBadge(bea, "Launch", 1)).ToBeVisibleAsync();
        await Assertions.Expect(bea).ToHaveTitleAsync(UnreadTitle());

        // Written last, so the alerts for every earlier message have long been decided.
        await SendAsync(admin, "Last one");
        await Assertions.Expect(UnreadBadge(bea, "Launch", 2)).ToBeVisibleAsync();
        await bea.WaitForTimeoutAsync(500);
        Assert.Single(await NotesAsync(bea));
        Assert.Equal(tones, await bea.EvaluateAsync<int>("() => window.__tones"));
    }

    [Fact]
    public async Task NotificationsAreOfferedOnceAfterTheFirstMessageSentAndTheProfileSwitchesStay()
    {
        _allowNotifications = false;
        var bea = await SignUpClientAsync("Bea Client");
        var admin = await AdminStartsChatWithAsync("Bea Client");
        await SendAsync(admin, "Welcome to ChatCrm");
        await OpenChatPageAsync(bea);
        await OpenChatAsync(bea, AdminName);
        var offer = bea.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        await SendAsync(bea, "Hi, a question about my order");
        await Assertions.Expect(offer).ToContainTextAsync("Get a notification when a message comes");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync();
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // Once per browser: not again after a reload.
        await bea.ReloadAsync();
        await WaitForCircuitAsync(bea);
        await SendAsync(bea, "And another");
        await bea.WaitForTimeoutAsync(500);
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // The profile can still ask, and its switches save at once and stay.
        await bea.GotoAsync("/account/profile");
        await WaitForCircuitAsync(bea);
        var settings = bea.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        await Assertions.Expect(settings.GetByRole(AriaRole.Button, new() { Name = "Allow in this browser" })).ToBeVisibleAsync();
        await settings.GetByRole(AriaRole.Switch, new() { Name = "Sound" }).ClickAsync();
        await Assertions.Expect(bea.GetByText("Notification settings saved.")).ToBeVisibleAsync();
        await settings.GetByRole(AriaRole.Switch, new() { Name = "Browser notifications" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Button, new() { Name = "Allow in this browser" })).ToHaveCountAsync(0);
        await bea.ReloadAsync();
        await WaitForCircuitAsync(bea);
        await Assertions.Expect(settings.GetByRole(AriaRole.Switch, new() { Name = "Sound" })).Not.ToBeCheckedAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Switch, new() { Name = "Browser notifications" })).Not.ToBeCheckedAsync();
    }

    private static async Task<List<(string Title, string Body)>> NotesAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[][]>("() => window.__notes.map(n => [n.title, n.body])")).Select(n => (n[0], n[1]))];

    [GeneratedRegex(@"^\(\d+\) ")]
    private static partial Regex UnreadTitle();
}
