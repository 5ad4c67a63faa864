using ChatCrm.Tests.E2E.Crm;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Infrastructure;

/// <summary>
/// The app's Content-Security-Policy (ChatCrm.Web/Infrastructure/SecurityHeaders) is strict, so every page must work
/// within it: this walks the main pages in Chromium, live, with demo data, and fails on any violation the browser
/// reports (a blocked script, style, picture, connection or form target).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    // Reported from inside each document as it happens (the event carries the directive and what was blocked).
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            window.__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`));
        """;

    [Fact]
    public async Task TheMainPagesWorkInChromiumWithoutAnyContentSecurityPolicyViolation()
    {
        var violations = new List<string>();
        var page = await NewPageAsync();
        await page.ExposeFunctionAsync("__reportCspViolation", (string violation) => { lock (violations) violations.Add(violation); });
        await page.AddInitScriptAsync(ReportViolations);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations) violations.Add($"console: {message.Text}");
            }
        };

        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue" })).ToBeVisibleAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await WaitForCircuitAsync(page);

        // The chat with a message: the circuit's WebSocket, the composer's script, a live re-render.
        await OpenAsync(page, "/chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search people" }).FillAsync(AgentName);
        await page.GetByRole(AriaRole.Option, new() { Name = AgentName }).ClickAsync();
        var messageBox = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await Assertions.Expect(messageBox).ToHaveAttributeAsync("data-composer-ready", "true");
        await messageBox.FillAsync("Hello under a strict policy");
        await messageBox.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Messages" }).GetByText("Hello under a strict policy")).ToBeVisibleAsync();

        foreach (var path in new[] { "/", "/leads", "/leads/board", "/campaigns", "/meetings", "/tickets", "/admin/accounts", "/account/profile", "/account/sessions" })
        {
            await OpenAsync(page, path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }
        // The theme switch swaps the stylesheet from a script (wwwroot/js/theme.js).
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark theme" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        // Violations are reported asynchronously; give the last page a moment to report its own.
        await page.WaitForTimeoutAsync(1_000);

        lock (violations) Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations.Distinct()));
    }
}
