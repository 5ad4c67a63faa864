using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>Ctrl+K: one search over everything, grouped, driven by the keyboard, showing only what the person may open.</summary>
[Collection(BrowserGroup.Name)]
public sealed class GlobalSearchBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task ControlKFindsAClientsOwnTicketOnlyOpensItWithTheKeyboardAndStaffFindBothAndLeads()
    {
        var probe = $"Probe {Guid.NewGuid():N}"[..14];
        var samuel = await SignInDemoAsync(ClientName);
        await OpenTicketAsync(samuel, $"{probe} mine");
        var lena = await SignInDemoAsync(OtherClientName);
        await OpenTicketAsync(lena, $"{probe} hers");

        await OpenAsync(samuel, "/");
        await samuel.Keyboard.PressAsync("Control+K");
        var box = samuel.GetByRole(AriaRole.Combobox, new() { Name = "Search everything" });
        await Assertions.Expect(box).ToBeFocusedAsync();
        await box.PressSequentiallyAsync(probe);
        var results = samuel.GetByRole(AriaRole.Listbox, new() { Name = "Results" });
        var tickets = results.GetByRole(AriaRole.Group, new() { Name = "Tickets" });
        await Assertions.Expect(tickets.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(tickets.GetByRole(AriaRole.Option)).ToContainTextAsync($"{probe} mine");
        await Assertions.Expect(results.GetByRole(AriaRole.Group, new() { Name = "Leads" })).ToHaveCountAsync(0);
        await box.PressAsync("Enter");
        await Assertions.Expect(samuel.GetByRole(AriaRole.Heading, new() { Name = $"{probe} mine" })).ToBeVisibleAsync();

        // Staff: both tickets, and the arrows move the choice before Enter opens it.
        var agent = await SignInDemoAsync(AgentName);
        await OpenAsync(agent, "/leads");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Search everything" }).ClickAsync();
        var agentBox = agent.GetByRole(AriaRole.Combobox, new() { Name = "Search everything" });
        await agentBox.PressSequentiallyAsync(probe);
        var agentTickets = agent.GetByRole(AriaRole.Group, new() { Name = "Tickets" }).GetByRole(AriaRole.Option);
        await Assertions.Expect(agentTickets).ToHaveCountAsync(2);
        await Assertions.Expect(agentTickets.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await agentBox.PressAsync("ArrowDown");
        await Assertions.Expect(agentTickets.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        var second = await agentTickets.Nth(1).InnerTextAsync();
        await agentBox.PressAsync("Enter");
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Name = second.Split('\n')[0].Split(' ', 2)[1].Trim() })).ToBeVisibleAsync();
    }

    private static async Task OpenTicketAsync(IPage page, string subject)
    {
        await OpenAsync(page, "/tickets/new");
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Description").FillAsync("Made by the search test.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
    }
}
