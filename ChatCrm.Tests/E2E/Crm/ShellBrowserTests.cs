using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>The shell around every page: the side menu (sections by role, the current one marked) and the account menu.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    // The entries' own text, without the unread count that follows it.
    private static async Task<IReadOnlyList<string>> MenuEntriesAsync(IPage page)
    {
        await Assertions.Expect(MainMenu(page).GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        return await MainMenu(page).GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.querySelector('.mud-nav-link-text').firstChild.textContent.trim())");
    }

    [Fact]
    public async Task TheMenuShowsEachPersonTheirSectionsAndMarksTheOneTheyAreIn()
    {
        var agent = await SignInDemoAsync(AgentName);
        Assert.Equal(["Dashboard", "Chat", "Leads", "Campaigns", "Meetings", "Tickets"], await MenuEntriesAsync(agent));
        await Assertions.Expect(MainMenu(agent).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveAttributeAsync("aria-current", "page");

        // A page below a section marks that section, and only it.
        await MainMenu(agent).GetByRole(AriaRole.Link, new() { Name = "Leads" }).ClickAsync();
        await WaitForPathAsync(agent, "/leads");
        await OpenAsync(agent, "/leads/new");
        await Assertions.Expect(MainMenu(agent).GetByRole(AriaRole.Link, new() { Name = "Leads" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(MainMenu(agent).Locator("[aria-current=page]")).ToHaveCountAsync(1);

        var client = await SignInDemoAsync(ClientName);
        Assert.Equal(["Dashboard", "Chat", "Meetings", "Tickets"], await MenuEntriesAsync(client));
    }

    [Fact]
    public async Task TheAccountMenuClosesLikeAMenuAndSignsOut()
    {
        var page = await SignInDemoAsync(AgentName);
        var toggle = page.GetByLabel($"Account menu for {AgentName}");
        var sessions = page.GetByRole(AriaRole.Link, new() { Name = "Sessions" });

        await toggle.ClickAsync();
        await Assertions.Expect(sessions).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(sessions).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();

        await toggle.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync(); // anywhere else on the page
        await Assertions.Expect(sessions).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await sessions.ClickAsync();
        await WaitForPathAsync(page, "/account/sessions");
        await Assertions.Expect(sessions).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WaitForPathAsync(page, "/account/login");
        await page.GotoAsync("/chat");
        await WaitForPathAsync(page, "/account/login");
    }

    [Fact]
    public async Task TheMenuHidesOnAWideScreenAndIsADrawerOnAPhone()
    {
        var page = await SignInDemoAsync(AgentName);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        // Hidden means out of sight and out of reach: a hidden menu's links are neither visible nor in the tab order.
        var leads = MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Leads" });
        // (Found by its address here: a query by role skips what is hidden.)
        Task<bool> LeadsTakesFocusAsync() => page.Locator("#app-drawer a[href='/leads']")
            .EvaluateAsync<bool>("a => { a.focus(); return document.activeElement === a; }");

        await Assertions.Expect(leads).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await toggle.ClickAsync();
        await Assertions.Expect(leads).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.False(await LeadsTakesFocusAsync());
        await toggle.ClickAsync();
        await Assertions.Expect(leads).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        // A phone: closed at first; opened, it closes once a section is chosen, on a tap beside it, or on Escape.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(leads).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(leads).ToBeVisibleAsync();
        await leads.ClickAsync();
        await WaitForPathAsync(page, "/leads");
        await Assertions.Expect(leads).ToBeHiddenAsync();
        // The live page that replaced the prerendered one keeps the menu's state and its toggle says it.
        await WaitForCircuitAsync(page);
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Assertions.Expect(leads).ToBeVisibleAsync();
        await page.Mouse.ClickAsync(360, 400);
        await Assertions.Expect(leads).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Assertions.Expect(leads).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(leads).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();
    }

    [Fact]
    public async Task TheThemeSwitchRestylesThePageAtOnceAndIsRemembered()
    {
        var page = await SignInDemoAsync(AgentName);
        var html = page.Locator("html");
        var themeSwitch = page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark theme" });
        var stylesheets = page.Locator("link[rel=stylesheet][href^='theme/light'], link[rel=stylesheet][href^='theme/dark']");
        Task<string> BackgroundAsync() => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var light = await BackgroundAsync();
        // The moon leads to dark, the sun back to light: only the one that applies shows.
        await Assertions.Expect(themeSwitch.Locator(".theme-toggle-to-dark")).ToBeVisibleAsync();
        await Assertions.Expect(themeSwitch.Locator(".theme-toggle-to-light")).ToBeHiddenAsync();

        await themeSwitch.ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(stylesheets).ToHaveCountAsync(1);
        await Assertions.Expect(stylesheets).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^theme/dark\\.css"));
        var dark = await BackgroundAsync();
        Assert.NotEqual(light, dark);
        await Assertions.Expect(themeSwitch.Locator(".theme-toggle-to-light")).ToBeVisibleAsync();
        await Assertions.Expect(themeSwitch.Locator(".theme-toggle-to-dark")).ToBeHiddenAsync();

        // The server renders the remembered theme in the first response of the next page.
        await page.ReloadAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(dark, await BackgroundAsync());

        await themeSwitch.ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Assertions.Expect(stylesheets).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^theme/light\\.css"));
        Assert.Equal(light, await BackgroundAsync());
    }
}
