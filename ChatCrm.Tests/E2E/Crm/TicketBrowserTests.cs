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
        await client.WaitForURLAsync(TicketPath());
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
        await Assertions.Expect(client.Locator(".ticket-badges")).ToContainTextAsync("Resolved");
        await Assertions.Expect(client.GetByRole(AriaRole.Button, new() { Name = "Reopen ticket" })).ToBeVisibleAsync();
        var mail = await Mailbox.WaitForMailAsync(DemoEmail(ClientName), "is now Resolved");
        Assert.Contains(subject, mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientOpeningAnotherClientsTicketAddressSeesNotFound()
    {
        var other = await SignInDemoAsync(OtherClientName);
        await OpenAsync(other, "/tickets");
        var firstTicket = other.GetByRole(AriaRole.Row).Nth(1).Locator("a.ticket-subject");
        var theirSubject = await firstTicket.InnerTextAsync();
        await firstTicket.ClickAsync();
        await other.WaitForURLAsync(TicketPath());
        var theirUrl = other.Url;

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, new Uri(theirUrl).AbsolutePath);
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Ticket not found" })).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByText(theirSubject)).ToHaveCountAsync(0);

        await OpenAsync(client, "/tickets");
        await Assertions.Expect(client.GetByRole(AriaRole.Grid)).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Row).Filter(new() { HasText = theirSubject })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/tickets/[0-9a-f-]{36}$")]
    private static partial Regex TicketPath();
}
