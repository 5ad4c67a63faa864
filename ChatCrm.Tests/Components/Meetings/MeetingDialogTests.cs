using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Tests.Integration.Meetings;
using ChatCrm.Web.Components.Pages.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>
/// The meeting dialog over the real service: Core's sentences beside the fields, a double booking warned about but
/// allowed, and a client's read-only view.
/// </summary>
public sealed class MeetingDialogTests : MeetingTestBase
{
    private DateTime Local(int hour, int minute = 0) => At(hour, minute).UtcDateTime;

    private static async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BunitContext context, string title, Guid? id, DateTime? start = null,
        DateTime? end = null)
    {
        context.Render<MudPopoverProvider>();
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<MeetingDialog>(title, new DialogParameters<MeetingDialog>
        {
            { d => d.MeetingId, id },
            { d => d.Start, start },
            { d => d.End, end },
        }));
        return provider;
    }

    // The MudBlazor field whose label is the given text (its input, helper and error text).
    private static IElement Field(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    [Fact]
    public async Task ANewMeetingStartsWithTheSelectedTimes()
    {
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);

        var provider = await OpenAsync(context, "New meeting", null, Local(18), Local(18, 30));

        provider.WaitForAssertion(() => Assert.Equal("18:00", Field(provider, "Start time").QuerySelector("input")!.GetAttribute("value")));
        Assert.Equal("18:30", Field(provider, "End time").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(Local(18).ToString(MeetingTimes.DateInputFormat, System.Globalization.CultureInfo.InvariantCulture),
            Field(provider, "Start date").QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SavingAnIncompleteFormShowsCoresSentencesBesideTheirFieldsAndSavesNothing()
    {
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);
        // Ends before it starts, no title, nobody invited.
        var provider = await OpenAsync(context, "New meeting", null, Local(10), Local(9));

        await provider.Find("form#meeting-form").SubmitAsync();

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Enter a title.", Field(provider, "Title").TextContent, StringComparison.Ordinal);
            Assert.Contains("The end must be after the start.", Field(provider, "End time").TextContent, StringComparison.Ordinal);
            Assert.Contains("Add at least one participant.", Field(provider, "Add participants").TextContent, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Choose when the meeting starts.", provider.Markup, StringComparison.Ordinal);
        var saved = await Meetings.ListAsync(Agent, new PageRequest(0, 10, null, null, false), MeetingWhen.All);
        Assert.Equal(0, saved.TotalCount);
    }

    [Fact]
    public async Task AMissingTimeIsNamedBesideItsDate()
    {
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);
        var provider = await OpenAsync(context, "New meeting", null);

        await provider.Find("form#meeting-form").SubmitAsync();

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Choose when the meeting starts.", Field(provider, "Start date").TextContent, StringComparison.Ordinal);
            Assert.Contains("Choose when the meeting ends.", Field(provider, "End date").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AParticipantBookedElsewhereAtThatTimeIsAWarningNotARefusal()
    {
        await BookAsync("Board review", At(10), At(11), Person(Client));
        var id = await BookAsync("Kick-off", At(10, 30), At(11, 30), Person(Client));
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);

        var provider = await OpenAsync(context, "Edit meeting", id);

        provider.WaitForAssertion(() => Assert.Contains("Cleo Client is in “Board review”", provider.Find("ul[aria-label='Booking conflicts']").TextContent,
            StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("you can still save", provider.Markup, StringComparison.Ordinal);
        var save = provider.FindAll("button").Single(b => b.TextContent.Trim() == "Save");
        Assert.False(save.HasAttribute("disabled"));
        Assert.Contains(provider.FindAll("button"), b => b.TextContent.Trim() == "Delete");
    }

    [Fact]
    public async Task AClientSeesTheirMeetingReadOnly()
    {
        var id = await BookAsync("Kick-off", At(10), At(11), Person(Client));
        await using var context = MeetingComponents.NewContext(Core.Services, Client);

        var provider = await OpenAsync(context, "Meeting", id);

        provider.WaitForAssertion(() => Assert.Contains("Alex Agent", provider.Find("dl.meeting-details").TextContent, StringComparison.Ordinal));
        Assert.Contains("Room Atlas", provider.Markup, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("form"));
        Assert.DoesNotContain(provider.FindAll("button"), b => b.TextContent.Trim() is "Save" or "Delete");
        Assert.Contains(provider.FindAll("button"), b => b.TextContent.Trim() == "Close");
    }

    [Fact]
    public async Task APickedTimeTheClocksSkipIsExplainedBesideTheTimes()
    {
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);
        context.Services.GetRequiredService<ReaderClock>().Use(Agent.UserId, "Europe/Lisbon");

        // Lisbon's clocks go from 01:00 to 02:00 on 28 March 2027: 01:30 that night does not exist.
        var provider = await OpenAsync(context, "New meeting", null, new DateTime(2027, 3, 28, 1, 30, 0), new DateTime(2027, 3, 28, 3, 0, 0));

        provider.WaitForAssertion(() => Assert.Equal(
            "The clocks in Europe/Lisbon skip 01:30 that night: the start is saved as 28 Mar 2027, 02:30.",
            provider.Find("[role=note]").TextContent.Trim()));
        Assert.Contains("Times are in Europe/Lisbon.", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAMeetingAtTheSecondOfTwoEqualClockTimesKeepsItWhereItIs()
    {
        // Lisbon's clocks go back from 02:00 to 01:00 on 31 October 2027; 01:30 UTC is the second 01:30 there.
        var second = new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero);
        var id = await BookAsync("Night shift hand-over", second, second.AddHours(1), Person(Client));
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);
        context.Services.GetRequiredService<ReaderClock>().Use(Agent.UserId, "Europe/Lisbon");
        var provider = await OpenAsync(context, "Edit meeting", id);
        provider.WaitForAssertion(() => Assert.Equal("01:30", Field(provider, "Start time").QuerySelector("input")!.GetAttribute("value")));
        // An unchanged time is not "picked": nothing to explain.
        Assert.Empty(provider.FindAll("[role=note]"));

        await Field(provider, "Title").QuerySelector("input")!.ChangeAsync(new() { Value = "Night shift hand-over (moved room)" });
        await provider.Find("form#meeting-form").SubmitAsync();

        // The dialog closes once saved.
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("form#meeting-form")), TimeSpan.FromSeconds(15));
        var saved = await Meetings.GetAsync(Agent, id);
        Assert.Equal("Night shift hand-over (moved room)", saved!.Title);
        Assert.Equal(second, saved.StartAt);
    }
}
