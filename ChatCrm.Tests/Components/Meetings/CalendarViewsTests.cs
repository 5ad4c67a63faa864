using Bunit;
using ChatCrm.Web.Components.Pages.Meetings;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>
/// The calendar's views as plain markup: overlapping meetings side by side in the week, slots named for staff and
/// turned into a time range, a month day's first titles and "+N more", the week as an agenda for phones.
/// </summary>
public sealed class CalendarViewsTests
{
    private static readonly DateTime Thursday = new(2026, 12, 3);
    private static readonly IReadOnlyList<DateTime> Week = new CalendarWindow(CalendarView.Week, Thursday).Days;

    private static CalendarItem Meeting(string title, DateTime start, TimeSpan length, string? location = null) =>
        new(Guid.NewGuid(), title, start, start + length, location, "Cleo Client");

    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public async Task OverlappingMeetingsInTheWeekAreDrawnSideBySide()
    {
        await using var context = NewContext();
        var items = new[]
        {
            Meeting("Board review", Thursday.AddHours(10), TimeSpan.FromHours(1)),
            Meeting("Product demo", Thursday.AddHours(10.5), TimeSpan.FromHours(1)),
            Meeting("Lunch talk", Thursday.AddHours(13), TimeSpan.FromHours(1)),
        };

        var grid = context.Render<CalendarTimeGrid>(p => p.Add(g => g.Days, Week).Add(g => g.Items, items).Add(g => g.Today, Thursday));

        var thursday = grid.Find("[aria-label='Thursday 3 December 2026']");
        var board = thursday.QuerySelector("[aria-label='Board review, 10:00–11:00']")!.GetAttribute("style")!;
        var demo = thursday.QuerySelector("[aria-label='Product demo, 10:30–11:30']")!.GetAttribute("style")!;
        var lunch = thursday.QuerySelector("[aria-label='Lunch talk, 13:00–14:00']")!.GetAttribute("style")!;
        Assert.Contains("left: 0%; width: 50%", board, StringComparison.Ordinal);
        Assert.Contains("left: 50%; width: 50%", demo, StringComparison.Ordinal);
        Assert.Contains("left: 0%; width: 100%", lunch, StringComparison.Ordinal);
        // 10:00 is three hours into 07:00–20:00.
        Assert.StartsWith("top: 23.077%", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffSlotsAreNamedAndASelectionBecomesItsTimeRange()
    {
        await using var context = NewContext();
        CalendarRange? scheduled = null;
        var grid = context.Render<CalendarTimeGrid>(p => p.Add(g => g.Days, Week).Add(g => g.Items, []).Add(g => g.CanSchedule, true)
            .Add(g => g.Schedule, EventCallback.Factory.Create<CalendarRange>(this, r => scheduled = r)));

        Assert.Equal(7 * 26, grid.FindAll("button[data-slot]").Count);
        var slot = grid.Find("[aria-label='Schedule a meeting on Thursday 3 December 2026 at 18:00']");
        Assert.Equal(("3", "22"), (slot.GetAttribute("data-day"), slot.GetAttribute("data-slot")));
        // The grid is one tab stop (the arrow keys move within it).
        Assert.Single(grid.FindAll("button[data-slot][tabindex='0']"));

        // What the browser reports after a drag from 18:00 down to the 19:00 slot: 18:00–19:30.
        await grid.InvokeAsync(() => grid.Instance.ScheduleAsync(3, 22, 24));
        Assert.Equal(new CalendarRange(Thursday.AddHours(18), Thursday.AddHours(19.5)), scheduled);

        // A click on one slot is that half hour; numbers from outside the grid are ignored.
        await grid.InvokeAsync(() => grid.Instance.ScheduleAsync(0, 0, 0));
        Assert.Equal(new CalendarRange(Week[0].AddHours(7), Week[0].AddHours(7.5)), scheduled);
        scheduled = null;
        await grid.InvokeAsync(() => grid.Instance.ScheduleAsync(7, 0, 1));
        await grid.InvokeAsync(() => grid.Instance.ScheduleAsync(1, 5, 26));
        await grid.InvokeAsync(() => grid.Instance.ScheduleAsync(1, 5, 4));
        Assert.Null(scheduled);
    }

    [Fact]
    public async Task AClientSeesNoSlotsToScheduleButOpensTheirMeetings()
    {
        await using var context = NewContext();
        var item = Meeting("Kick-off", Thursday.AddHours(9), TimeSpan.FromMinutes(30));
        Guid? opened = null;
        var grid = context.Render<CalendarTimeGrid>(p => p.Add(g => g.Days, Week).Add(g => g.Items, [item])
            .Add(g => g.Open, EventCallback.Factory.Create<Guid>(this, id => opened = id)));

        Assert.Empty(grid.FindAll("button[data-slot]"));
        Assert.DoesNotContain("Schedule a meeting", grid.Markup, StringComparison.Ordinal);
        await grid.Find("[aria-label='Kick-off, 09:00–09:30']").ClickAsync();
        Assert.Equal(item.Id, opened);
    }

    [Fact]
    public async Task AMonthDayShowsItsFirstTitlesAndHowManyMore()
    {
        await using var context = NewContext();
        var window = new CalendarWindow(CalendarView.Month, Thursday);
        var busy = Enumerable.Range(0, 5).Select(i => Meeting($"Call {i + 1}", Thursday.AddHours(9 + i), TimeSpan.FromMinutes(30))).ToList();
        busy.Add(Meeting("Friday review", Thursday.AddDays(1).AddHours(9), TimeSpan.FromHours(1)));
        DateTime? shown = null;
        CalendarRange? scheduled = null;

        var month = context.Render<CalendarMonth>(p => p.Add(m => m.Days, window.Days).Add(m => m.Items, busy).Add(m => m.Month, 12)
            .Add(m => m.Today, Thursday).Add(m => m.CanSchedule, true)
            .Add(m => m.ShowDay, EventCallback.Factory.Create<DateTime>(this, d => shown = d))
            .Add(m => m.Schedule, EventCallback.Factory.Create<CalendarRange>(this, r => scheduled = r)));

        var thursday = month.Find("[role=group][aria-label='Thursday 3 December 2026']");
        var titles = thursday.QuerySelectorAll(".calendar-month-meeting").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["09:00 Call 1", "10:00 Call 2", "11:00 Call 3"], titles);
        var more = thursday.QuerySelector(".calendar-month-more")!;
        Assert.Equal("+2 more", more.TextContent.Trim());
        Assert.Equal("Show all 5 meetings on Thursday 3 December 2026", more.GetAttribute("aria-label"));
        var friday = month.Find("[role=group][aria-label='Friday 4 December 2026']");
        Assert.Null(friday.QuerySelector(".calendar-month-more"));
        Assert.Contains("Friday review", friday.TextContent, StringComparison.Ordinal);

        await month.Find(".calendar-month-more").ClickAsync();
        Assert.Equal(Thursday, shown);
        // A day cell offers 09:00–10:00 of that day.
        await month.Find("[aria-label='Schedule a meeting on Friday 4 December 2026']").ClickAsync();
        Assert.Equal(new CalendarRange(Thursday.AddDays(1).AddHours(9), Thursday.AddDays(1).AddHours(10)), scheduled);
        // Days of the weeks around the month are dimmed.
        Assert.Contains("is-other-month", month.Find("[role=group][aria-label='Monday 30 November 2026']").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWeekAsAnAgendaListsEachDayWithItsMeetingsAndTimes()
    {
        await using var context = NewContext();
        var items = new[]
        {
            Meeting("Quarterly planning with the whole regional sales team", Thursday.AddHours(14), TimeSpan.FromMinutes(90), "Room Atlas"),
            Meeting("Late call", Thursday.AddHours(23), TimeSpan.FromHours(2)),
        };

        var agenda = context.Render<CalendarAgenda>(p => p.Add(a => a.Days, Week).Add(a => a.Items, items).Add(a => a.Today, Thursday));

        var days = agenda.FindAll("section.calendar-agenda-day");
        Assert.Equal(7, days.Count);
        Assert.Equal("Monday 30 November 2026", days[0].QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("No meetings", days[0].QuerySelector(".calendar-agenda-empty")!.TextContent);
        var thursday = days[3];
        Assert.Contains("Today", thursday.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        var meetings = thursday.QuerySelectorAll(".calendar-agenda-meeting");
        Assert.Equal("14:00–15:30", meetings[0].QuerySelector(".calendar-agenda-time")!.TextContent);
        // The whole title, never cut: the agenda exists so that it reads on a phone.
        Assert.Equal("Quarterly planning with the whole regional sales team", meetings[0].QuerySelector(".calendar-agenda-title")!.TextContent);
        Assert.Equal("Room Atlas", meetings[0].QuerySelector(".calendar-agenda-where")!.TextContent);
        // A meeting past midnight is listed on both days.
        Assert.Contains("Late call", days[4].TextContent, StringComparison.Ordinal);
        // A client has nothing to schedule with.
        Assert.DoesNotContain("Schedule a meeting", agenda.Markup, StringComparison.Ordinal);
    }
}
