using Microsoft.Playwright;

namespace ChatCrm.Tests.Fixtures;

/// <summary>Debian's Chromium driven by Playwright (no browser download): one browser per test run, a context per person.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (scripts/test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine has no network beyond loopback; without these Chromium keeps trying to reach Google.
            // Many pages share one browser here; without the last three, pages Chromium deems in the background get their
            // timers and rendering slowed, which would show up as latency that no person at a screen sees.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-sync", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run",
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
    }

    /// <summary>A fresh browser profile (its own cookies), as a different person or device.</summary>
    /// <param name="timeZone">The IANA zone the browser believes it is in; null leaves the machine's.</param>
    public async Task<IPage> NewPageAsync(string baseUrl, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>, ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "Browser";
}
