using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E;

[Collection(BrowserGroup.Name)]
public sealed class SessionEndBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : BrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task AdminLocksAUserAndTheUsersOpenPageIsSignedOut()
    {
        var (user, admin, email, _) = await SignedUpUserBesideAdminAsync("lockme", "Luca Lockme");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "Lock" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unlock" })).ToBeVisibleAsync();

        // The user's open page notices within the re-check interval (2 s here) and lands on sign-in, which says why.
        await WaitForPathAsync(user, "/account/login", timeout: 20_000);
        await Assertions.Expect(user.GetByText("You were signed out because your account is locked.")).ToBeVisibleAsync();
        await user.GotoAsync("/");
        await WaitForPathAsync(user, "/account/login");
    }

    [Fact]
    public async Task AdminEndsAUsersSessionsAndTheUsersOpenPageSaysWhy()
    {
        var (user, admin, email, password) = await SignedUpUserBesideAdminAsync("endme", "Enzo Endme");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "End sessions" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Sign Enzo Endme");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "End sessions" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Every session of Enzo Endme has ended")).ToBeVisibleAsync();

        await WaitForPathAsync(user, "/account/login", timeout: 20_000);
        await Assertions.Expect(user.GetByText("You were signed out because this session was ended")).ToBeVisibleAsync();
        // Nothing is locked: the same person signs in again.
        await SignInAsync(user, email, password);
    }

    [Fact]
    public async Task OpenPageRecoversAfterTheServerIsKilledAndRestarted()
    {
        var page = await NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => { lock (console) console.Add(message.Text); };
        await SignInAsync(page, AdminEmail, AdminPassword);
        await WaitForCircuitAsync(page);
        // Marks this document: a reload replaces it, so the mark is gone once the page has loaded afresh.
        await page.EvaluateAsync("() => window.__beforeRestart = true");

        App.Kill();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await App.StartAsync();

        // The restarted server does not know the old circuit; the page reloads itself and is live again.
        try
        {
            await page.WaitForFunctionAsync("() => !window.__beforeRestart && document.querySelector('[data-circuit-ready]')", null, new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            lock (console) throw new TimeoutException("The page did not come back. Console:\n" + string.Join("\n", console), e);
        }
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>A newcomer signed up with a page open, and an admin's account list filtered to them.</summary>
    private async Task<(IPage User, IPage Admin, string Email, string Password)> SignedUpUserBesideAdminAsync(string prefix, string name)
    {
        var email = UniqueEmail(prefix);
        var password = TestPasswords.New();
        var user = await NewPageAsync();
        await user.GotoAsync("/account/register");
        await CompleteSignUpAsync(user, name, email, password);
        await WaitForCircuitAsync(user);

        var admin = await NewPageAsync();
        await SignInAsync(admin, AdminEmail, AdminPassword);
        await admin.GotoAsync("/admin/accounts");
        await WaitForCircuitAsync(admin);
        await admin.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(email);
        return (user, admin, email, password);
    }
}
