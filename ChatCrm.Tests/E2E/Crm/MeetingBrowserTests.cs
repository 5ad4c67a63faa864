using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Crm;

/// <summary>
/// An agent schedules from the calendar (a click, a drag, the keyboard), is warned about a double booking, and the
/// client sees the meeting read-only; on a phone the week reads as an agenda.
/// </summary>
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
        // The day view is a new grid: its slots answer once its script has attached (seen lost on a loaded machine).
        await Assertions.Expect(agent.Locator("[data-selection-ready]")).ToHaveCountAsync(1);
        await agent.GetByLabel(SlotAt("18:00")).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        await Assertions.Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("18:00");
        await Assertions.Expect(dialog.GetByLabel("End time")).ToHaveValueAsync("18:30");

        // Saving with nothing filled in names what is missing next to the fields.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Enter a title.")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("Add at least one participant.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await dialog.GetByLabel("Location or link").FillAsync("https://meet.example.com/kickoff");
        await AddParticipantAsync(agent, dialog, "samuel", ClientName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        await Assertions.Expect(agent.GetByText($"“{title}” is scheduled")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = $"{title}, 18:00–18:30" })).ToBeVisibleAsync();

        var invitation = await Mailbox.WaitForMailAsync(DemoEmail(ClientName), title);
        Assert.Contains("Where: https://meet.example.com/kickoff", invitation.TextBody, StringComparison.Ordinal);

        // Booking the same client for 17:30–18:15 warns who is busy and where, without blocking.
        await agent.GetByLabel(SlotAt("17:30")).ClickAsync();
        dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        var end = dialog.GetByLabel("End time");
        await end.FillAsync("18:15");
        await end.PressAsync("Tab");
        await AddParticipantAsync(agent, dialog, "samuel", ClientName);
        await Assertions.Expect(dialog.GetByRole(AriaRole.List, new() { Name = "Booking conflicts" }).GetByText($"{ClientName} is in “{title}”"))
            .ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // Pressing on 15:00 and dragging down to the 16:00 slot selects 15:00–16:30.
        await DragAsync(agent, agent.GetByLabel(SlotAt("15:00")), agent.GetByLabel(SlotAt("16:00")));
        await Assertions.Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("15:00");
        await Assertions.Expect(dialog.GetByLabel("End time")).ToHaveValueAsync("16:30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // The keyboard: the arrow keys move between slots, Enter schedules the one reached.
        await agent.GetByLabel(SlotAt("12:00")).FocusAsync();
        await agent.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(agent.GetByLabel(SlotAt("12:30"))).ToBeFocusedAsync();
        await agent.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("12:30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        var client = await SignInDemoAsync(ClientName);
        await OpenAsync(client, "/meetings");
        await Assertions.Expect(client.GetByRole(AriaRole.Button, new() { Name = "New meeting" })).ToHaveCountAsync(0);
        await Assertions.Expect(client.GetByLabel(SlotAt("09:00"))).ToHaveCountAsync(0);
        await client.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        var details = client.GetByRole(AriaRole.Dialog, new() { Name = "Meeting" });
        await Assertions.Expect(details.GetByText("https://meet.example.com/kickoff")).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByText(AgentName)).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OnAPhoneTheWeekReadsAsAnAgendaWithoutScrollingSideways()
    {
        var title = $"Quarterly planning with the regional sales team {Guid.NewGuid():N}"[..56];
        var agent = await SignInDemoAsync(AgentName);
        await agent.SetViewportSizeAsync(390, 844);
        await OpenAsync(agent, "/meetings");

        // No week grid squeezed into seven columns: a heading per day, and "+" on a day schedules at 09:00 of it.
        var days = agent.GetByRole(AriaRole.Heading, new() { Level = 3 });
        await Assertions.Expect(days).ToHaveCountAsync(7);
        await Assertions.Expect(agent.GetByLabel(SlotAt("09:00")).First).ToBeHiddenAsync();
        await agent.GetByRole(AriaRole.Button, new() { NameRegex = DayToSchedule() }).First.ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "New meeting" });
        await Assertions.Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("09:00");
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await AddParticipantAsync(agent, dialog, "samuel", ClientName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // The long title reads whole, on the phone's width, with its time.
        var meeting = agent.GetByRole(AriaRole.Button, new() { Name = title });
        await Assertions.Expect(meeting).ToBeVisibleAsync();
        await Assertions.Expect(meeting).ToContainTextAsync("09:00–10:00");
        var box = await meeting.GetByText(title).BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The title spans {box.X}–{box.X + box.Width} px of 390.");
        Assert.True(await meeting.GetByText(title).EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The title is cut short.");
        Assert.True(await agent.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"),
            "The page scrolls sideways.");
    }

    private static Regex SlotAt(string time) => new($"^Schedule a meeting on .* at {time}$");

    [GeneratedRegex("^Schedule a meeting on \\w+ \\d+ \\w+ \\d{4}$")]
    private static partial Regex DayToSchedule();

    private static async Task AddParticipantAsync(IPage page, ILocator dialog, string search, string name)
    {
        await dialog.GetByLabel("Add participants").FillAsync(search);
        // The suggestions open in a popover beside the dialog, not inside it.
        await page.GetByRole(AriaRole.Option, new() { Name = name }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" })).ToBeVisibleAsync();
    }

    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        await from.ScrollIntoViewIfNeededAsync();
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }
}
