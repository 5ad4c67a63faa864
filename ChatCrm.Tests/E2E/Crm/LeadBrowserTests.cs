using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

[Collection(BrowserGroup.Name)]
public sealed partial class LeadBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    // A demo lead (DemoLeads' first), which a search for the new lead must hide.
    private const string DemoLeadName = "Olivia Meyer";

    [Fact]
    public async Task AgentCreatesFindsEditsAndMovesALeadOnTheBoard()
    {
        var page = await SignInDemoAsync(AgentName);

        // Create, first with a missing email: the message sits next to the field.
        await OpenAsync(page, "/leads/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quinn Zephyr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create lead" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Email is required.");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("quinn.zephyr@example.test");
        await page.GetByLabel("Company", new() { Exact = true }).FillAsync("Zephyr Kites");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+44 20 7946 0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create lead" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LeadUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quinn Zephyr", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("created the lead")).ToBeVisibleAsync();

        // Find it by search; the filter goes into the URL, and that URL alone shows the same list.
        await OpenAsync(page, "/leads");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("zephyr");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads\?q=zephyr$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("zephyr");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true })).ToHaveCountAsync(0);

        // Edit: the change is saved and the timeline says what changed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LeadUrl());
        await WaitForCircuitAsync(page);
        await page.GetByLabel("Company", new() { Exact = true }).FillAsync("Zephyr Kites Ltd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Company: Zephyr Kites → Zephyr Kites Ltd")).ToBeVisibleAsync();
        await page.GetByLabel("Add a note").FillAsync("Called: wants a demo on Friday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var newest = page.GetByRole(AriaRole.List, new() { Name = "Activity" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(newest).ToContainTextAsync("Maria Lopez added a note");
        await Assertions.Expect(newest).ToContainTextAsync("Called: wants a demo on Friday");
        await Assertions.Expect(page.GetByLabel("Add a note")).ToHaveValueAsync("");

        // Move it on the board with the card's Move button; it lands in the other column and stays there.
        await OpenAsync(page, "/leads/board?q=zephyr");
        var newColumn = page.GetByRole(AriaRole.Region, new() { Name = "New" });
        await Assertions.Expect(newColumn.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Quinn Zephyr", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Quinn Zephyr to Qualified" }).ClickAsync();
        var qualified = page.GetByRole(AriaRole.Region, new() { Name = "Qualified" });
        await Assertions.Expect(qualified.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(newColumn.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToHaveCountAsync(0);

        // Dragging the card works too; after a reload it is still where it was dropped.
        var won = page.GetByRole(AriaRole.Region, new() { Name = "Won" });
        await page.GetByRole(AriaRole.Article, new() { Name = "Quinn Zephyr", Exact = true }).DragToAsync(won, new() { TargetPosition = new() { X = 40, Y = 20 } });
        await Assertions.Expect(won.GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Won" }).GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Qualified" }).GetByRole(AriaRole.Link, new() { Name = "Quinn Zephyr", Exact = true }))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheSecondOfTwoAgentsSavingTheSameLeadGetsAConflictAndReloadsTheirChanges()
    {
        var maria = await SignInDemoAsync(AgentName);
        await OpenAsync(maria, "/leads?q=olivia%20meyer");
        await maria.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true }).ClickAsync();
        await Assertions.Expect(maria).ToHaveURLAsync(LeadUrl());
        await WaitForCircuitAsync(maria);
        var tom = await SignInDemoAsync(OtherAgentName);
        await OpenAsync(tom, new Uri(maria.Url).PathAndQuery);

        await maria.GetByLabel("Company", new() { Exact = true }).FillAsync("Saved by Maria");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(maria.GetByText("Company: Northwind Traders → Saved by Maria")).ToBeVisibleAsync();
        await tom.GetByLabel("Company", new() { Exact = true }).FillAsync("Saved by Tom");
        await tom.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(tom.GetByText("Someone else changed this record after you opened it.")).ToBeVisibleAsync();
        await tom.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Assertions.Expect(tom.GetByLabel("Company", new() { Exact = true })).ToHaveValueAsync("Saved by Maria");
        await Assertions.Expect(tom.GetByText("Saved by Tom")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AClientWhoOpensTheLeadPagesIsRefusedAndSeesNoLead()
    {
        var page = await SignInDemoAsync(ClientName);

        foreach (var path in new[] { "/leads", "/leads/board", "/leads/new", "/leads?q=olivia" })
        {
            // Refused before any component runs: a static 403 "Not allowed" page, never a circuit with lead data.
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response?.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Your account does not have access to this page.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(DemoLeadName)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task TheLeadListIsCardsOnAPhoneWithItsFiltersBehindOneButtonAndShowsEveryActionOnAWideScreen()
    {
        var page = await SignInDemoAsync(AgentName);

        // A phone: each lead is a card with its name, company, status, owner and actions; nothing scrolls sideways.
        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, "/leads?q=olivia%20meyer");
        var card = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true }) });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("Northwind Traders")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("New", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText(AgentName)).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {DemoLeadName}" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Email {DemoLeadName}" })).ToBeInViewportAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Call {DemoLeadName}" })).ToBeInViewportAsync();
        // Card, not table: the column headers are gone, and the card's fields stack within the screen's width.
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Company" })).ToBeHiddenAsync();
        var box = await card.BoundingBoxAsync();
        Assert.True(box is { Width: <= 390, Height: > 60 }, $"The card is {box?.Width} × {box?.Height}.");
        Assert.True(await FitsTheScreenWidthAsync(page));

        // The filters other than the search fold behind one button.
        var filters = page.GetByRole(AriaRole.Button, new() { Name = "Filters", Exact = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Created from")).ToBeHiddenAsync();
        await Assertions.Expect(filters).ToHaveAttributeAsync("aria-expanded", "false");
        await filters.ClickAsync();
        await Assertions.Expect(filters).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByLabel("Created from")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Created to")).ToBeInViewportAsync();
        Assert.True(await FitsTheScreenWidthAsync(page));

        // A laptop: a table whose every action (the page's and each row's) is in view without scrolling sideways.
        await page.SetViewportSizeAsync(1280, 800);
        await OpenAsync(page, "/leads");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Company" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Created from")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Filters", Exact = true })).ToBeHiddenAsync();
        foreach (var action in new[] { "List", "Board", "Export CSV", "Import CSV", "New lead" })
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToBeInViewportAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = DemoLeadName, Exact = true }) });
        await Assertions.Expect(row.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {DemoLeadName}" })).ToBeInViewportAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Email {DemoLeadName}" })).ToBeInViewportAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Call {DemoLeadName}" })).ToBeInViewportAsync();
        Assert.True(await FitsTheScreenWidthAsync(page));
    }

    private static Task<bool> FitsTheScreenWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    [GeneratedRegex("/leads/[0-9a-f-]{36}$")]
    private static partial Regex LeadUrl();
}
