using System.Text.RegularExpressions;
using ChatCrm.Tests.E2E.Crm;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Campaigns;

[Collection(BrowserGroup.Name)]
public sealed partial class CampaignBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task AnAgentCreatesAWhatsAppCampaignEntersItsResultsAndDeletesIt()
    {
        var page = await SignInDemoAsync(AgentName);
        await OpenAsync(page, "/campaigns/new");

        // Saving without a name is refused next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give the campaign a name.")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser blast");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Channel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "WhatsApp" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser blast" })).ToBeVisibleAsync();
        Assert.Matches(CampaignPage(), page.Url);

        await page.GetByLabel("Sent", new() { Exact = true }).FillAsync("10");
        await page.GetByLabel("Delivered", new() { Exact = true }).FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save results" }).ClickAsync();
        await Assertions.Expect(page.GetByText("More delivered (12) than sent (10)")).ToBeVisibleAsync();

        await page.GetByLabel("Delivered", new() { Exact = true }).FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save results" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Results saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Funnel" })).ToContainTextAsync("80 %");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete campaign" }).ClickAsync();
        await page.WaitForURLAsync("**/campaigns");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring product update" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browser blast" })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/campaigns/[0-9a-f-]{36}$")]
    private static partial Regex CampaignPage();
}
