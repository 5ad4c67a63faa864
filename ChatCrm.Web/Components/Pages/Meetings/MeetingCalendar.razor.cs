using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Meetings;

public sealed partial class MeetingCalendar : IDisposable
{
    /// <summary>What is shown; the page keeps it, so the calendar comes back where it was after the list tab.</summary>
    [Parameter, EditorRequired] public CalendarWindow Window { get; set; }

    [Parameter] public EventCallback<CalendarWindow> WindowChanged { get; set; }

    /// <summary>The reader's today (their zone, not the server's).</summary>
    [Parameter, EditorRequired] public DateTime Today { get; set; }

    /// <summary>Staff: selecting a time schedules there. A client only opens their meetings.</summary>
    [Parameter] public bool CanSchedule { get; set; }

    [Parameter] public EventCallback<CalendarRange> Schedule { get; set; }

    [Parameter] public EventCallback<Guid> Open { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private static readonly CalendarView[] Views = Enum.GetValues<CalendarView>();

    private readonly LatestLoad _loads = new();
    private CalendarWindow? _loaded;
    private IReadOnlyList<DateTime> _days = [];
    private IReadOnlyList<CalendarItem> _items = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == Window) return;
        _loaded = Window;
        _days = Window.Days;
        // The old window's meetings do not belong on the new days.
        _items = [];
        await LoadAsync();
    }

    /// <summary>Loads the window again, e.g. after a meeting was saved.</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private Task LoadAsync()
    {
        var window = Window;
        return LoadListAsync(_loads, "calendar", async token =>
        {
            var rows = await Meetings.RangeAsync(await GetActorAsync(), Time.ToUtc(window.Start), Time.ToUtc(window.End), token);
            var items = rows.Select(Time.ToCalendarItem).ToList();
            return () => _items = items;
        });
    }

    private Task GoAsync(CalendarWindow window) => window == Window ? Task.CompletedTask : WindowChanged.InvokeAsync(window);

    private Task ShowDayAsync(DateTime day) => GoAsync(new CalendarWindow(CalendarView.Day, day));

    public void Dispose() => _loads.Dispose();
}
