using ChatCrm.Tests.E2E.Chat;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.SeveralServers;

/// <summary>
/// README "Several servers" as people meet it: HAProxy with the repository's deploy/haproxy.cfg in front of two app
/// servers on one PostgreSQL database and one Redis, and two people whose pages are on different servers (the balancer's
/// affinity cookie puts each browser on one: the first on app2, the next on app1, and so on).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SeveralServersBrowserTests(BrowserFixture browser, SmtpServerFixture smtp, PostgresFixture postgres, RedisFixture redis)
    : ChatBrowserTestBase(browser, smtp), IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>
{
    private AppProcess _second = null!;
    private LoadBalancer _balancer = null!;
    private int _pages;

    protected override string BaseUrl => _balancer.BaseUrl;

    public override async Task InitializeAsync()
    {
        var settings = await postgres.SettingsAsync(redis.Settings(Guid.NewGuid().ToString("N")[..8]));
        App.Configure(new Dictionary<string, string?>(settings)
        {
            // Presence quick enough to watch: a stopped server's people go offline within seconds.
            ["ChatCrm:Cluster:HeartbeatSeconds"] = "1",
            ["ChatCrm:Cluster:PresenceTimeoutSeconds"] = "10",
            ["ChatCrm:Cluster:SweepSeconds"] = "1",
        });
        _second = App.Twin();
        // One after the other: the first migrates the database and creates the admin.
        await App.StartAsync();
        await _second.StartAsync();
        _balancer = await LoadBalancer.StartAsync(App, _second);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _second.DisposeAsync();
        await _balancer.DisposeAsync();
    }

    protected override Task OnNewPageAsync(IPage page) => page.Context.AddCookiesAsync(
    [
        new Cookie { Name = LoadBalancer.CookieName, Value = ++_pages % 2 == 1 ? "app2" : "app1", Url = BaseUrl },
    ]);

    [Fact]
    public async Task TwoPeopleOnTwoServersChatAsOnOne()
    {
        var bea = await SignUpClientAsync("Bea Client");                     // app2
        await OpenChatPageAsync(bea);
        await MarkDocumentAsync(bea);
        var admin = await AdminStartsChatWithAsync("Bea Client");            // app1

        // A message crosses live: Bea's list, the chat's unread badge and the menu's rise without a reload.
        await SendAsync(admin, "Hello from the other server");
        await Assertions.Expect(ChatItem(bea, AdminName)).ToContainTextAsync("Hello from the other server");
        await Assertions.Expect(UnreadBadge(bea, AdminName, 1)).ToBeVisibleAsync();
        await Assertions.Expect(NavBadge(bea, 1)).ToBeVisibleAsync();

        // Each sees the other online (as below, 10 s: a busy machine's heartbeats run late).
        await Assertions.Expect(admin.Locator(".conversation-status.online")).ToHaveTextAsync("online", new() { Timeout = 10_000 });

        // Reading it: the badges fall on her server, the tick turns to Read on his.
        await OpenChatAsync(bea, AdminName);
        await Assertions.Expect(ChatItem(bea, AdminName).GetByRole(AriaRole.Img, new() { NameRegex = new("unread$") })).ToHaveCountAsync(0);
        await Assertions.Expect(Message(admin, "Hello from the other server").GetByText("Read", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(bea.Locator(".conversation-status.online")).ToHaveTextAsync("online");

        // Typing shows across and clears by itself; her reply arrives live.
        await MessageBox(bea).PressSequentiallyAsync("Typing on app2");
        var typing = admin.GetByText("Bea Client is typing…");
        await Assertions.Expect(typing).ToBeVisibleAsync();
        await Assertions.Expect(typing).Not.ToBeVisibleAsync(new() { Timeout = 12_000 });
        await MessageBox(bea).PressAsync("Enter");
        await Assertions.Expect(Message(admin, "Typing on app2")).ToBeVisibleAsync();

        // A picture sent through app1 opens through app2.
        await AttachAsync(admin, "across.png", TestImages.Png(48, 30));
        await bea.WaitForFunctionAsync("() => { const i = document.querySelector(\"img[src^='/files/chat/']\"); return i && i.complete && i.naturalWidth === 48; }");

        // She closes her page: he sees her go offline.
        await bea.Context.CloseAsync();
        await Assertions.Expect(admin.Locator(".conversation-status")).ToContainTextAsync("last seen", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task EndingASessionOnOneServerClosesThePageOnTheOther()
    {
        var email = UniqueEmail("ended");
        var password = TestPasswords.New();
        var user = await NewPageAsync();                                     // app2
        await user.GotoAsync("/account/register");
        await CompleteSignUpAsync(user, "Enzo Ended", email, password);
        await WaitForCircuitAsync(user);

        var admin = await NewPageAsync();                                    // app1
        await SignInAsync(admin, AdminEmail, AdminPassword);
        await admin.GotoAsync("/admin/accounts");
        await WaitForCircuitAsync(admin);
        await admin.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(email);
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).GetByRole(AriaRole.Button, new() { Name = "End sessions" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End sessions" }).ClickAsync();

        await WaitForPathAsync(user, "/account/login", timeout: 20_000);
        await Assertions.Expect(user.GetByText("You were signed out because this session was ended")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACodeAskedThroughOneServerIsRefusedByTheOtherInsideTheCooldown()
    {
        var first = await NewPageAsync();                                    // app2
        var second = await NewPageAsync();                                   // app1
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync("/account/login/email");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(AdminEmail);
            await page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync();
        }

        await Assertions.Expect(first.GetByText("Too many codes asked for")).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByText("Too many codes asked for")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenRedisIsAwayForAFewSecondsNoMessageIsLostAndOpenPagesCatchUp()
    {
        var bea = await SignUpClientAsync("Bea Client");                     // app2
        await OpenChatPageAsync(bea);
        var admin = await AdminStartsChatWithAsync("Bea Client");            // app1
        await SendAsync(admin, "Before the outage");
        await OpenChatAsync(bea, AdminName);
        await Assertions.Expect(Message(bea, "Before the outage")).ToBeVisibleAsync();
        await MarkDocumentAsync(bea);

        await redis.StopAsync();
        try
        {
            // Saved and on the sender's own page at once; the other server cannot hear of it yet.
            await SendAsync(admin, "During the outage");
            await Assertions.Expect(Message(admin, "During the outage")).ToBeVisibleAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await redis.StartAsync();
        }

        // Redis back: her open page reads the chat again by itself, without a reload, and live events cross again.
        await Assertions.Expect(Message(bea, "During the outage")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await SendAsync(admin, "After the outage");
        await Assertions.Expect(Message(bea, "After the outage")).ToBeVisibleAsync();
        await AssertNotReloadedAsync(bea);
    }

    [Fact]
    public async Task WhenOneServerDiesItsPeopleCarryOnThroughTheOther()
    {
        var bea = await SignUpClientAsync("Bea Client");                     // app2, the one that dies
        await OpenChatPageAsync(bea);
        var admin = await AdminStartsChatWithAsync("Bea Client");            // app1
        await SendAsync(admin, "Before the crash");
        await Assertions.Expect(ChatItem(bea, AdminName)).ToContainTextAsync("Before the crash");
        await bea.EvaluateAsync("() => window.__beforeCrash = true");

        _second.Kill();

        // Her page finds its server gone, reloads through the balancer onto app1, still signed in (one key ring).
        await bea.WaitForFunctionAsync("() => !window.__beforeCrash && document.querySelector('[data-circuit-ready]')", null, new() { Timeout = 60_000 });
        await OpenChatPageAsync(bea);
        await OpenChatAsync(bea, AdminName);
        await Assertions.Expect(Message(bea, "Before the crash")).ToBeVisibleAsync();
        await SendAsync(admin, "After the crash");
        await Assertions.Expect(Message(bea, "After the crash")).ToBeVisibleAsync();
        await SendAsync(bea, "Still here");
        await Assertions.Expect(Message(admin, "Still here")).ToBeVisibleAsync();
    }
}
