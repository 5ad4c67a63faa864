using System.Text;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.Tests.E2E.Crm;

[Collection(BrowserGroup.Name)]
public sealed class LeadImportBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task AgentImportsACsvWithABadRowAndSeesTheRowNumberAndReason()
    {
        var page = await SignInDemoAsync(AgentName);
        await OpenAsync(page, "/leads/import");

        // Semicolons and header names a spreadsheet might use: the page guesses the mapping itself.
        var csv = "Full name;E-mail;Organisation\nIda Import;ida@import.test;Acme\nBob Broken;bob@;\nJan Import;jan@import.test;\n";
        await ChooseCsvAsync(page, "new-leads.csv", csv);

        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Preview of the file" });
        await Expect(preview).ToContainTextAsync("Ida Import", new() { Timeout = 20_000 });
        await Expect(preview).ToContainTextAsync("bob@");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Field for column E-mail" })).ToHaveValueAsync("Email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 3 rows" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Import result" })).ToContainTextAsync("2 created");
        await Expect(page.GetByText("1 row failed")).ToBeVisibleAsync();
        await Expect(page.GetByText("Row 3: Email 'bob@' is not a valid address.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AgentDownloadsTheLeadsAsCsvAndAClientIsRefused()
    {
        var agent = await SignInDemoAsync(AgentName);
        await OpenAsync(agent, "/leads/import");
        await ChooseCsvAsync(agent, "two.csv", "Name,Email,Tags\nEva Export,eva@export.test,exported\nOtto Other,otto@export.test,\n");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Import 2 rows" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.List, new() { Name = "Import result" })).ToContainTextAsync("2 created");

        var response = await agent.Context.APIRequest.GetAsync("/leads/export.csv?tag=exported");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Matches(@"filename=leads-\d{8}\.csv", response.Headers["content-disposition"]);
        var lines = (await response.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Name,Email,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Eva Export,eva@export.test,", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);

        var client = await SignInDemoAsync(ClientName);
        var refused = await client.Context.APIRequest.GetAsync("/leads/export.csv");
        Assert.True(refused.Status is 403 or 404, $"Expected a refusal, got {refused.Status}.");
        Assert.DoesNotContain("eva@export.test", await refused.TextAsync(), StringComparison.Ordinal);
        await client.GotoAsync("/leads/import");
        await Expect(client.GetByText("Your account does not have access to this page.")).ToBeVisibleAsync();
        await Expect(client.GetByLabel("CSV file to import", new() { Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Picks a file once Blazor's InputFile has hooked its change listener (it does so after its first render, which
    /// under load can come after the circuit is up); a file set earlier would be ignored.
    /// </summary>
    private static async Task ChooseCsvAsync(IPage page, string name, string text)
    {
        var input = page.GetByLabel("CSV file to import", new() { Exact = true });
        await input.EvaluateAsync("(input) => new Promise(resolve => { const check = () => input._blazorInputFileNextFileId !== undefined ? resolve() : setTimeout(check, 50); check(); })");
        await input.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) });
    }
}
