using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>
/// CRM pages in real Chromium, on an app started with demo data, so an agent (Maria Lopez, Tom Becker) and clients
/// (Samuel Okafor, Lena Fischer) exist with the one demo password the app prints at start.
/// </summary>
public abstract partial class CrmBrowserTestBase(BrowserFixture browser, SmtpServerFixture smtp)
    : BrowserTestBase(browser, smtp, new Dictionary<string, string?> { ["ChatCrm:DemoData"] = "true" })
{
    protected const string AgentName = "Maria Lopez";
    protected const string OtherAgentName = "Tom Becker";
    protected const string ClientName = "Samuel Okafor";
    protected const string OtherClientName = "Lena Fischer";

    /// <summary>The demo address of a demo person ("Maria Lopez" → maria.lopez@demo.chatcrm.local).</summary>
    protected static string DemoEmail(string name) => $"{name.ToLowerInvariant().Replace(' ', '.')}@demo.chatcrm.local";

    /// <summary>A new browser window signed in as the demo person (password, then the mailed code), live on the dashboard.</summary>
    protected async Task<IPage> SignInDemoAsync(string name)
    {
        var password = (await App.WaitForOutputAsync(DemoPassword())).Groups[1].Value;
        var page = await NewPageAsync();
        await SignInAsync(page, DemoEmail(name), password);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Goes to a path and waits until the page is interactive.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    [GeneratedRegex(@"their password is (\S+)")]
    private static partial Regex DemoPassword();
}
