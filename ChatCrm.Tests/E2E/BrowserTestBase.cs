using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E;

/// <summary>
/// Each browser test class runs its own app process (own data folder) against the shared SMTP server, with a short
/// circuit re-check interval so sign-outs reach open pages quickly.
/// </summary>
public abstract class BrowserTestBase : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// This test's own first admin. Every test runs an app of its own against the one SMTP server: with one shared
    /// address, a code mail a failed test left untaken was read by the next test as its code, and by every later one.
    /// </summary>
    protected string AdminEmail { get; } = UniqueEmail("admin");
    protected static readonly string AdminPassword = TestPasswords.New();

    private readonly TempFolder _data = new("e2e");
    private readonly List<IBrowserContext> _contexts = [];

    /// <param name="extraSettings">More app settings for the class, e.g. demo data.</param>
    protected BrowserTestBase(BrowserFixture browser, SmtpServerFixture smtp, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        Browser = browser;
        Mailbox = smtp.Mailbox;
        var settings = new Dictionary<string, string?>(smtp.Settings)
        {
            ["ChatCrm:DataDirectory"] = _data.Path,
            ["ChatCrm:Bootstrap:AdminEmail"] = AdminEmail,
            ["ChatCrm:Bootstrap:AdminPassword"] = AdminPassword,
            ["ChatCrm:Accounts:CircuitRevalidationSeconds"] = "2",
            ["ChatCrm:Accounts:CodesPerIpPerHour"] = "1000",
            ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "1000",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        App = new AppProcess(settings);
    }

    protected BrowserFixture Browser { get; }

    protected Mailbox Mailbox { get; }

    protected AppProcess App { get; }

    /// <summary>Where the browser goes: the app, or a load balancer in front of several.</summary>
    protected virtual string BaseUrl => App.BaseUrl;

    public virtual Task InitializeAsync() => App.StartAsync();

    public virtual async Task DisposeAsync()
    {
        // This test's browser windows go first: left open on a stopped server they keep reconnecting for the rest of
        // the run (and may reach a later test's server on a reused port), which slows every later browser test.
        foreach (var context in _contexts) await context.CloseAsync();
        await App.DisposeAsync();
    }

    // xunit calls this after DisposeAsync: the app process is gone, so its data folder can go.
    public void Dispose()
    {
        _data.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.test";

    /// <param name="timeZone">The zone the browser is in (an IANA id); null leaves the machine's.</param>
    protected async Task<IPage> NewPageAsync(string? timeZone = null)
    {
        var page = await Browser.NewPageAsync(BaseUrl, timeZone);
        _contexts.Add(page.Context);
        await OnNewPageAsync(page);
        return page;
    }

    /// <summary>A new browser (person or device) before it opens anything: behind a balancer, which server it is on.</summary>
    protected virtual Task OnNewPageAsync(IPage page) => Task.CompletedTask;

    /// <summary>Password, then the code from the mailbox, as a person does.</summary>
    protected async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await WaitForPathAsync(page, "/account/login/code");
        await EnterCodeAsync(page, await Mailbox.WaitForCodeAsync(email, "sign-in code"), "Sign in");
        await WaitForPathAsync(page, "/");
    }

    /// <summary>Fills the sign-up page, confirms with the mailed code and waits for the dashboard.</summary>
    protected async Task CompleteSignUpAsync(IPage page, string name, string email, string password)
    {
        var parts = name.Split(' ', 2);
        await page.GetByLabel("First name").FillAsync(parts[0]);
        await page.GetByLabel("Last name").FillAsync(parts.Length > 1 ? parts[1] : "Tester");
        await page.GetByLabel("User name").FillAsync(email.Split('@')[0]);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password (at least 12 characters)").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WaitForPathAsync(page, "/account/register/confirm");
        await EnterCodeAsync(page, await Mailbox.WaitForCodeAsync(email, "Confirm your ChatCrm account"), "Confirm");
        await WaitForPathAsync(page, "/");
    }

    protected static async Task EnterCodeAsync(IPage page, string code, string button)
    {
        await page.GetByLabel("6-digit code from the email").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Waits until the page's address has <paramref name="path"/>, by polling the address: Playwright's WaitForURL also
    /// waits for the page's load event, and when the page is already there it could miss that event and time out.
    /// </summary>
    protected static async Task WaitForPathAsync(IPage page, string path, float? timeout = null)
    {
        var atPath = new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + "([?#].*)?$", RegexOptions.IgnoreCase);
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(atPath, new() { Timeout = timeout ?? 15_000 });
        }
        catch (PlaywrightException e)
        {
            // Say where the page is and what it shows: a failed step usually explains itself in the page.
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
            throw new TimeoutException($"Expected {path}, still on {page.Url}: {text[..Math.Min(800, text.Length)]}", e);
        }
    }

    /// <summary>
    /// Chooses an option of a MudBlazor select, as a person does: opens it, clicks the option, and sees the list close.
    /// A click that lands while the list is still opening is lost (seen on a loaded machine: a campaign saved with the
    /// default channel), so the option is clicked again until the list has taken it.
    /// </summary>
    protected static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
        var item = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await item.ClickAsync();
            try
            {
                await Assertions.Expect(item).ToBeHiddenAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // Still open: the click came too early; click the option again.
            }
        }
    }

    /// <summary>
    /// The labels a phone's card shows before its fields (<c>data-label</c> drawn by CSS, as a table's column header is
    /// on a wide screen): generated content, so not in the text Playwright reads; taken from each visible field's style.
    /// </summary>
    protected static Task<string[]> CardLabelsAsync(ILocator card) => card.EvaluateAsync<string[]>(
        "row => [...row.querySelectorAll('[data-label]')].filter(c => c.offsetParent !== null)" +
        ".map(c => getComputedStyle(c, '::before').content.replace(/^\"|\"$/g, '').trim())");

    /// <summary>
    /// Clicks as a person's mouse does: pressed, held a moment, released. Playwright's own click releases at once, before
    /// the server answers the change that the press caused (the field left behind commits its value), so it never sees
    /// the page move under the pointer between press and release, which a person's click does.
    /// </summary>
    protected static async Task PressAsync(IPage page, ILocator target)
    {
        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The element to press is not visible.");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await Task.Delay(150);
        await page.Mouse.UpAsync();
    }

    /// <summary>True once the page's Blazor circuit is connected (interactive), not just rendered.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !!window.Blazor && !!document.querySelector('[data-circuit-ready]')");
}
