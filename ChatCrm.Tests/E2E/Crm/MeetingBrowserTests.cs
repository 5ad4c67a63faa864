using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>An agent schedules from the calendar, is warned about a double booking, and the client sees the meeting.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class MeetingBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : CrmBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task AgentSchedulesAMeetingWithAClientWhoGetsTheInvitationAndSeesIt()
    {
        var title = $"Kick-off {Guid.NewGuid():N}"[..17];
        var agent = await SignInDemoAsync(AgentName);
        await OpenAsync(agent, "/meetings");

        // Today at 18:00 in the day view (no demo meeting sits there): the dialog opens prefilled with that half hour.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel(SlotAt("18:00"))).ToHaveCountAsync(1);
        await agent.GetByLabel(SlotAt("18:00")).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        await Assertions.Expect(dialog.GetByLabel(new Regex("^Start"))).ToHaveValueAsync(new Regex("18:00$"));

        // Saving with nothing filled in names what is missing next to the fields.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Enter a title.")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("Add at least one participant.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Title").FillAsync(title);
        await dialog.GetByLabel("Location or link").FillAsync("https://meet.example.com/kickoff");
        await AddParticipantAsync(dialog, "samuel", ClientName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        await Assertions.Expect(agent.GetByText($"“{title}” is scheduled")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = title })).ToBeVisibleAsync();

        var invitation = await Mailbox.WaitForMailAsync(DemoEmail(ClientName), title);
        Assert.Contains("Where: https://meet.example.com/kickoff", invitation.TextBody, StringComparison.Ordinal);

        // Booking the same client for 17:30–18:15 warns who is busy and where, without blocking.
        await agent.GetByLabel(SlotAt("17:30")).ClickAsync();
        dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        var end = dialog.GetByLabel(new Regex("^End"));
        var endText = await end.InputValueAsync();
        await end.FillAsync(endText[..^5] + "18:15");
        await end.PressAsync("Tab");
        await AddParticipantAsync(dialog, "samuel", ClientName);
        await Assertions.Expect(dialog.GetByText($"{ClientName} is in “{title}”")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, "/meetings");
        await Assertions.Expect(client.GetByRole(AriaRole.Button, new() { Name = "New meeting" })).ToHaveCountAsync(0);
        await client.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        var details = client.GetByRole(AriaRole.Dialog, new() { Name = "Meeting" });
        await Assertions.Expect(details.GetByText("https://meet.example.com/kickoff")).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByText(AgentName)).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }

    private static Regex SlotAt(string time) => new($"^Schedule a meeting on .* at {time}$");

    private static async Task AddParticipantAsync(ILocator dialog, string search, string name)
    {
        await dialog.GetByRole(AriaRole.Searchbox, new() { Name = "Add participants" }).FillAsync(search);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Add {name}" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" })).ToBeVisibleAsync();
    }
}
