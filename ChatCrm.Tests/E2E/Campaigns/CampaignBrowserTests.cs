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
        await ChooseAsync(page, "Channel", "WhatsApp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser blast" })).ToBeVisibleAsync();
        Assert.Matches(CampaignPage(), page.Url);

        await page.GetByLabel("Sent", new() { Exact = true }).FillAsync("10");
        await page.GetByLabel("Delivered", new() { Exact = true }).FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save results" }).ClickAsync();
        await Assertions.Expect(page.GetByText("More delivered (12) than sent (10)")).ToBeVisibleAsync();

        // Fixing the field and pressing Save at once: the message under the field goes while the button is held, and the
        // button moves up under the pointer; the press still saves (wwwroot/js/steady-clicks.js).
        await page.GetByLabel("Delivered", new() { Exact = true }).FillAsync("8");
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save results" }));
        await Assertions.Expect(page.GetByText("Results saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Funnel" })).ToContainTextAsync("80 %");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Delete the campaign \"Browser blast\"");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete campaign" }).ClickAsync();
        await WaitForPathAsync(page, "/campaigns");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByText("The campaign \"Browser blast\" is deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring product update", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browser blast", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OnAPhoneEachCampaignIsACardTheFiltersFoldAndNothingScrollsSideways()
    {
        var page = await SignInDemoAsync(AgentName);
        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, "/campaigns");

        var card = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Spring product update", Exact = true }) });
        await Assertions.Expect(card).ToBeVisibleAsync();
        Assert.Equal(["Schedule:", "Sent:", "Delivered:", "Converted:"], await CardLabelsAsync(card));
        // The last card of five: scrolled to, its actions sit within the screen's width.
        var edit = card.GetByRole(AriaRole.Link, new() { Name = "Edit Spring product update" });
        await edit.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(edit).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader).First).ToBeHiddenAsync();
        Assert.True(await NothingScrollsSidewaysAsync(page));

        var channel = page.GetByRole(AriaRole.Combobox, new() { Name = "Channel" });
        await Assertions.Expect(channel).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
        await channel.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "SMS" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Webinar reminder", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring product update", Exact = true })).ToHaveCountAsync(0);
        Assert.True(await NothingScrollsSidewaysAsync(page));
    }

    [Fact]
    public async Task AtDesktopWidthEveryCampaignsActionsAreInSight()
    {
        var page = await SignInDemoAsync(AgentName);
        await OpenAsync(page, "/campaigns");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit Spring product update" })).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open Spring product update" })).ToBeInViewportAsync();
        Assert.True(await NothingScrollsSidewaysAsync(page));
    }

    /// <summary>Neither the page nor the table is wider than the window.</summary>
    private static Task<bool> NothingScrollsSidewaysAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth && " +
        "[...document.querySelectorAll('.mud-table-container')].every(t => t.scrollWidth <= t.clientWidth)");

    [GeneratedRegex(@"/campaigns/[0-9a-f-]{36}$")]
    private static partial Regex CampaignPage();
}
