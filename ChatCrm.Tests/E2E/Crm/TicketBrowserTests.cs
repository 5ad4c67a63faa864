using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>A client opens a ticket, an agent answers it, the client sees the answer; nobody reads another client's ticket.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class TicketBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task ClientOpensATicketTheAgentAnswersAndTheClientSeesTheAnswer()
    {
        var subject = $"Invoice PDF is blank {Guid.NewGuid():N}"[..30];
        const string answer = "Thanks for telling us: a fresh copy of the invoice is attached to your account now.";

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, "/tickets/new");
        await client.GetByLabel("Subject").FillAsync(subject);
        await client.GetByLabel("Description").FillAsync("Every invoice I download is an empty page.");
        await client.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await Assertions.Expect(client).ToHaveURLAsync(TicketPath());
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        var ticketUrl = client.Url;

        var agent = await SignInDemoAsync(AgentName);
        await OpenAsync(agent, "/tickets");
        await agent.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(subject);
        var row = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(ClientName);
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();

        await agent.GetByLabel("Your reply").FillAsync(answer);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(agent.GetByText("Your reply is sent.")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByText(answer)).ToBeVisibleAsync();

        await agent.GetByRole(AriaRole.Combobox, new() { Name = "Status" }).ClickAsync();
        await agent.GetByRole(AriaRole.Option, new() { Name = "Resolved", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(agent.GetByText("Changes saved.")).ToBeVisibleAsync();

        await client.GotoAsync(ticketUrl);
        await WaitForCircuitAsync(client);
        var reply = client.GetByRole(AriaRole.Article, new() { Name = $"Reply by {AgentName}" });
        await Assertions.Expect(reply).ToContainTextAsync(answer);
        await Assertions.Expect(client.GetByRole(AriaRole.Group, new() { Name = "Priority and status" })).ToContainTextAsync("Resolved");
        await Assertions.Expect(client.GetByRole(AriaRole.Button, new() { Name = "Reopen ticket" })).ToBeVisibleAsync();
        var mail = await Mailbox.WaitForMailAsync(DemoEmail(ClientName), "is now Resolved");
        Assert.Contains(subject, mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewTicketMovesIntoTheAgentsOpenListAndDashboardAndTheAgentsReplyReachesTheClientsOpenPageLive()
    {
        var subject = $"Export gives no file {Guid.NewGuid():N}"[..30];
        const string answer = "We found it: exports over 10 MB timed out. Fixed now, please try again.";
        var agentList = await SignInDemoAsync(AgentName);
        await OpenAsync(agentList, "/tickets");
        await Assertions.Expect(agentList.GetByRole(AriaRole.Table, new() { Name = "Tickets" })).ToBeVisibleAsync();
        var dashboard = await agentList.Context.NewPageAsync();
        await OpenAsync(dashboard, "/");
        var openTile = dashboard.GetByRole(AriaRole.Link, new() { NameRegex = OpenTicketsTile() });
        var before = int.Parse(OpenTicketsTile().Match(await openTile.InnerTextAsync()).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, "/tickets/new");
        await client.GetByLabel("Subject").FillAsync(subject);
        await client.GetByLabel("Description").FillAsync("Nothing downloads when I press Export.");
        await client.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();

        // Neither of the agent's pages is reloaded: the list shows the new ticket, the dashboard counts it.
        var row = agentList.GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(openTile).ToHaveAccessibleNameAsync($"{before + 1} Open tickets");

        // The agent answers; the client's open page shows the reply and the new status without a refresh.
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await WaitForCircuitAsync(agentList);
        await agentList.GetByLabel("Your reply").FillAsync(answer);
        await agentList.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Article, new() { Name = $"Reply by {AgentName}" })).ToContainTextAsync(answer);
        await Assertions.Expect(client.GetByRole(AriaRole.Group, new() { Name = "Priority and status" })).ToContainTextAsync("In progress");
    }

    [GeneratedRegex(@"^(?<count>[\d,]+)\s*Open tickets$")]
    private static partial Regex OpenTicketsTile();

    [Fact]
    public async Task ClientOpeningAnotherClientsTicketAddressSeesNotFound()
    {
        var other = await SignInDemoAsync(OtherClientName);
        await OpenAsync(other, "/tickets");
        // The first link of a row is its subject.
        var firstTicket = other.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).First;
        var theirSubject = await firstTicket.InnerTextAsync();
        await firstTicket.ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(TicketPath());
        var theirUrl = other.Url;

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, new Uri(theirUrl).AbsolutePath);
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Ticket not found" })).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByText(theirSubject)).ToHaveCountAsync(0);

        await OpenAsync(client, "/tickets");
        await Assertions.Expect(client.GetByRole(AriaRole.Table, new() { Name = "Tickets" })).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Row).Filter(new() { HasText = theirSubject })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OnAPhoneEachTicketIsACardTheFiltersFoldAndNothingScrollsSideways()
    {
        var agent = await SignInDemoAsync(AgentName);
        await agent.SetViewportSizeAsync(390, 844);
        await OpenAsync(agent, "/tickets");

        var cards = agent.GetByRole(AriaRole.Row).Filter(new() { Has = agent.GetByRole(AriaRole.Link, new() { Name = "Open ticket" }) });
        var firstCard = cards.First;
        await Assertions.Expect(firstCard.GetByRole(AriaRole.Link, new() { Name = "Open ticket" })).ToBeInViewportAsync();
        await Assertions.Expect(firstCard).ToBeVisibleAsync();
        Assert.Equal(["Requester:", "Assignee:", "Due:"], await CardLabelsAsync(firstCard));
        // No column headers on a card list.
        await Assertions.Expect(agent.GetByRole(AriaRole.Columnheader).First).ToBeHiddenAsync();
        Assert.True(await NothingScrollsSidewaysAsync(agent));

        var status = agent.GetByRole(AriaRole.Combobox, new() { Name = "Status" });
        await Assertions.Expect(status).ToBeHiddenAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
        await Assertions.Expect(status).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" })).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" }).CheckAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Filters (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(cards.First).ToContainTextAsync("Overdue");
        Assert.True(await NothingScrollsSidewaysAsync(agent));
    }

    [Fact]
    public async Task AtDesktopWidthEveryTicketsActionIsInSight()
    {
        var agent = await SignInDemoAsync(AgentName);
        await OpenAsync(agent, "/tickets");

        var open = agent.GetByRole(AriaRole.Link, new() { Name = "Open ticket" }).First;
        await Assertions.Expect(open).ToBeInViewportAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Columnheader, new() { Name = "Subject" })).ToBeVisibleAsync();
        Assert.True(await NothingScrollsSidewaysAsync(agent));
    }

    /// <summary>Neither the page nor the table is wider than the window.</summary>
    private static Task<bool> NothingScrollsSidewaysAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth && " +
        "[...document.querySelectorAll('.mud-table-container')].every(t => t.scrollWidth <= t.clientWidth)");

    [GeneratedRegex(@"/tickets/[0-9a-f-]{36}$")]
    private static partial Regex TicketPath();
}
