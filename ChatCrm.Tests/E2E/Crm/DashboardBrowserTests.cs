using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

[Collection(BrowserGroup.Name)]
public sealed partial class DashboardBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    private static readonly string[] StaffPanels = ["Leads by status", "New leads", "Open tickets", "Upcoming meetings", "Campaign results", "Recent chats"];

    [Fact]
    public async Task AgentSeesEveryPanelWithChartsOrEmptyNotesAndOpensARecentChat()
    {
        var page = await SignInDemoAsync(AgentName);

        foreach (var title in StaffPanels)
        {
            var panel = page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
            await Assertions.Expect(panel).ToBeVisibleAsync();
        }
        // Each chart panel draws its chart (a picture named by its figures), or says plainly that there is nothing to chart yet.
        foreach (var title in new[] { "Leads by status", "New leads", "Open tickets", "Campaign results" })
        {
            var panel = page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
            var chart = panel.GetByRole(AriaRole.Img).Locator("svg");
            await Assertions.Expect(chart.Or(panel.GetByText(NothingYet())).First).ToBeVisibleAsync();
        }

        // The demo chats are Maria's: the row opens the conversation.
        var chats = page.GetByRole(AriaRole.List, new() { Name = "Recent chats" });
        await Assertions.Expect(chats.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await chats.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[a-z]+://[^/]+/chat/"));
    }

    [Fact]
    public async Task ClientSeesTheirTicketsAndMeetingsAndNothingAboutLeadsOrCampaigns()
    {
        var page = await SignInDemoAsync(ClientName);

        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "My tickets", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Upcoming meetings", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Recent chats", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My open tickets" })).ToBeVisibleAsync();

        var main = page.Locator("main");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { NameRegex = LeadsOrCampaigns() })).ToHaveCountAsync(0);
        await Assertions.Expect(main.Locator("a[href^='/leads'], a[href^='/campaigns']")).ToHaveCountAsync(0);
        // Only staff plan meetings: a client's dashboard never offers to.
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" })).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^No (leads|new leads|open tickets|campaign results)")]
    private static partial Regex NothingYet();

    [GeneratedRegex("lead|campaign", RegexOptions.IgnoreCase)]
    private static partial Regex LeadsOrCampaigns();
}
