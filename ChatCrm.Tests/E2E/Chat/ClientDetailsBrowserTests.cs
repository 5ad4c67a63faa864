using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>The chat and the CRM together: the client's details beside a staff member's chat, and none for the client.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ClientDetailsBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    private const string Problem = "The export button does nothing";

    [Fact]
    public async Task StaffOpenATicketFromTheClientsMessageSeeItBesideTheChatAndPlanAMeetingWhileTheClientSeesNoneOfIt()
    {
        var cleo = await SignUpClientAsync("Cleo Client");
        await OpenChatPageAsync(cleo);
        var admin = await AdminStartsChatWithAsync("Cleo Client");
        await SendAsync(admin, "Hello Cleo, how can I help?");
        await OpenChatAsync(cleo, AdminName);
        await SendAsync(cleo, $"{Problem}\nI click it and no file comes.");

        // Beside the admin's chat (opened from the header on this width): nothing open yet.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Client details" }).ClickAsync();
        var details = admin.GetByRole(AriaRole.Complementary, new() { Name = "Client details" });
        await Assertions.Expect(details).ToContainTextAsync("Cleo Client");
        await Assertions.Expect(details).ToContainTextAsync("No open tickets.");

        // A ticket from her message: subject, text and requester prefilled.
        var message = Message(admin, Problem);
        await message.HoverAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await message.GetByRole(AriaRole.Link, new() { Name = "Open a ticket" }).ClickAsync();
        await WaitForPathAsync(admin, "/tickets/new");
        await WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.GetByText("For Cleo Client, from their chat message.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Subject")).ToHaveValueAsync(Problem);
        await Assertions.Expect(admin.GetByLabel("Description")).ToHaveValueAsync($"{Problem}\nI click it and no file comes.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = Problem })).ToBeVisibleAsync();

        // Back in the chat, the ticket is beside it, a link; she sees it as hers.
        await OpenChatPageAsync(admin);
        await OpenChatAsync(admin, "Cleo Client");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Client details" }).ClickAsync();
        var ticketLink = details.GetByRole(AriaRole.Link, new() { NameRegex = new($"^#\\d+ {Problem}$") });
        await Assertions.Expect(ticketLink).ToBeVisibleAsync();
        await cleo.GotoAsync("/tickets");
        await Assertions.Expect(cleo.GetByRole(AriaRole.Link, new() { Name = Problem }).First).ToBeVisibleAsync();

        // A meeting with the chat's people: the dialog opens with her in it.
        await details.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" }).ClickAsync();
        await WaitForPathAsync(admin, "/meetings");
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        await Assertions.Expect(dialog).ToContainTextAsync("Cleo Client");

        // The client: no details, no ticket action on the admin's message.
        await OpenChatPageAsync(cleo);
        await OpenChatAsync(cleo, AdminName);
        await Assertions.Expect(cleo.GetByRole(AriaRole.Button, new() { Name = "Client details" })).ToHaveCountAsync(0);
        await Assertions.Expect(cleo.GetByRole(AriaRole.Complementary, new() { Name = "Client details" })).ToHaveCountAsync(0);
        var fromAdmin = Message(cleo, "Hello Cleo");
        await fromAdmin.HoverAsync();
        await fromAdmin.GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await Assertions.Expect(fromAdmin.GetByRole(AriaRole.Button, new() { Name = "Reply" })).ToBeVisibleAsync();
        await Assertions.Expect(fromAdmin.GetByRole(AriaRole.Link, new() { Name = "Open a ticket" })).ToHaveCountAsync(0);
    }
}
