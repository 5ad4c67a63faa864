using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatCrm.Web.Components.Pages.Meetings;

public sealed partial class CalendarTimeGrid : IAsyncDisposable
{
    /// <summary>A meeting this short or shorter is drawn this tall, so its title can be read.</summary>
    private static readonly TimeSpan MinDrawnLength = TimeSpan.FromMinutes(30);

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    // 09:00: where Tab lands in a day, before the person moves with the arrow keys.
    private static readonly int HomeSlot = (int)((TimeSpan.FromHours(9) - CalendarWindow.DayFrom) / CalendarWindow.SlotLength);

    [Parameter, EditorRequired] public IReadOnlyList<DateTime> Days { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<CalendarItem> Items { get; set; } = [];

    [Parameter] public DateTime Today { get; set; }

    /// <summary>Staff: the slots are buttons that schedule; for a client they are only the grid's lines.</summary>
    [Parameter] public bool CanSchedule { get; set; }

    [Parameter] public EventCallback<CalendarRange> Schedule { get; set; }

    [Parameter] public EventCallback<Guid> Open { get; set; }

    [Parameter] public EventCallback<DateTime> ShowDay { get; set; }

    [Parameter] public string? Class { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ILogger<CalendarTimeGrid> Logger { get; set; } = default!;

    private ElementReference _body;
    private IReadOnlyList<PlacedMeeting>[] _placed = [];
    private IReadOnlyList<DateTime>? _placedDays;
    // Today's column when it is shown, else the first: the grid's one tab stop is in it.
    private int _homeDay;
    private IReadOnlyList<CalendarItem>? _placedItems;
    private IJSObjectReference? _module;
    private IJSObjectReference? _selection;
    private DotNetObjectReference<CalendarTimeGrid>? _self;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Days, _placedDays) && ReferenceEquals(Items, _placedItems)) return;
        _placedDays = Days;
        _placedItems = Items;
        _homeDay = Math.Max(0, Days.ToList().IndexOf(Today));
        _placed = Days.Select(day => CalendarLayout.Place(Items, day, CalendarWindow.DayFrom, CalendarWindow.DayTo, MinDrawnLength)).ToArray();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !CanSchedule) return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["Components/Pages/Meetings/CalendarTimeGrid.razor.js"]);
            _self = DotNetObjectReference.Create(this);
            _selection = await _module.InvokeAsync<IJSObjectReference>("attach", _body, _self);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Selecting in the grid is lost, not the page: "New meeting" still schedules.
            MeetingLog.SelectionUnavailable(Logger, ex);
        }
    }

    /// <summary>
    /// From the browser: slots <paramref name="first"/> to <paramref name="last"/> of day column <paramref name="day"/>
    /// were selected. The numbers come from the page, so anything outside the grid is ignored.
    /// </summary>
    [JSInvokable]
    public Task ScheduleAsync(int day, int first, int last)
    {
        if (!CanSchedule || day < 0 || day >= Days.Count || first < 0 || last >= CalendarWindow.SlotCount || first > last) return Task.CompletedTask;
        return Schedule.InvokeAsync(new CalendarRange(SlotStart(Days[day], first), SlotStart(Days[day], last + 1)));
    }

    private static DateTime SlotStart(DateTime day, int slot) => day.Date + CalendarWindow.DayFrom + slot * CalendarWindow.SlotLength;

    private bool IsHomeSlot(int day, int slot) => day == _homeDay && slot == HomeSlot;

    private string DayNameClass(DateTime day) => day == Today ? "calendar-day-name is-today" : "calendar-day-name";

    private static string MeetingClass(PlacedMeeting placed) =>
        "calendar-meeting" + (placed.Earlier ? " is-earlier" : "") + (placed.Later ? " is-later" : "") + (placed.Height * CalendarWindow.SlotCount < 1.99 ? " is-short" : "");

    private static string Position(PlacedMeeting placed) => string.Create(Culture,
        $"top: {placed.Top * 100:0.###}%; height: {placed.Height * 100:0.###}%; left: {placed.Left * 100:0.###}%; width: {placed.Width * 100:0.###}%");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_selection is not null)
            {
                await _selection.InvokeVoidAsync("dispose");
                await _selection.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
            // The tab (or the grid's element) is gone, and its listeners with it.
        }
        _self?.Dispose();
    }
}

internal static partial class MeetingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The calendar's slot selection could not start; scheduling stays on the New meeting button")]
    public static partial void SelectionUnavailable(ILogger logger, Exception exception);
}
