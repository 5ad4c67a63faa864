using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using ChatCrm.Web.Components.Pages.Common;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>
/// The calendar (day, week, month; only the visible window is loaded) and the list. Staff schedule by selecting a slot
/// and open any meeting to edit it; a client sees only the meetings they are in, read-only (the service enforces both).
/// </summary>
public sealed partial class MeetingsPage : IDisposable
{
    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    /// <summary>A meeting to open at once (the dashboard links here with ?meeting=id).</summary>
    [SupplyParameterFromQuery(Name = "meeting")] private Guid? MeetingQuery { get; set; }

    private RadzenScheduler<CalendarItem>? _scheduler;
    private MeetingGrid? _grid;
    private IReadOnlyList<CalendarItem> _items = [];
    private bool _isStaff;
    // The calendar waits for the live page, so its window is loaded once.
    private bool _ready;
    // The reader's today, not the server's: the calendar opens on it (fixed once, so paging through weeks stays put).
    private DateTime _today;
    private int _tab;
    private CancellationTokenSource? _currentLoad;

    protected override async Task OnInitializedAsync()
    {
        _today = Time.Local(Time.Now).Date;
        _isStaff = (await GetActorAsync()).IsStaff;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
        if (MeetingQuery is { } meetingId) await OpenMeetingAsync(meetingId);
    }

    private async Task LoadRangeAsync(SchedulerLoadDataEventArgs args)
    {
        // Switching views quickly starts loads that overlap: the newest one owns the calendar.
        _currentLoad?.Cancel();
        using var load = _currentLoad = new CancellationTokenSource();
        try
        {
            var rows = await Meetings.RangeAsync(await GetActorAsync(), Time.ToUtc(args.Start), Time.ToUtc(args.End), load.Token);
            if (load.IsCancellationRequested) return;
            _items = rows.Select(Time.ToCalendarItem).ToList();
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded by a newer load.
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "load calendar");
            Show(AlertStyle.Danger, "The calendar could not be loaded. Please try again.");
        }
        finally
        {
            if (ReferenceEquals(_currentLoad, load)) _currentLoad = null;
        }
    }

    private async Task SlotSelectedAsync(SchedulerSlotSelectEventArgs args)
    {
        if (!_isStaff) return;
        // A month cell is a whole day: offer the next free-looking hour of it rather than midnight to midnight.
        var (start, end) = args.View?.Text == "Month" ? (args.Start.Date.AddHours(9), args.Start.Date.AddHours(10)) : (args.Start, args.End);
        await OpenDialogAsync("New meeting", null, start, end);
    }

    private Task AppointmentSelectedAsync(SchedulerAppointmentSelectEventArgs<CalendarItem> args) =>
        args.Data is { } item ? OpenMeetingAsync(item.Id) : Task.CompletedTask;

    private Task OpenMeetingAsync(Guid id) => OpenDialogAsync(_isStaff ? "Edit meeting" : "Meeting", id, null, null);

    private Task NewMeetingAsync()
    {
        // The next whole hour, an hour long.
        var now = Time.Local(Time.Now);
        var start = now.Date.AddHours(now.Hour + 1);
        return OpenDialogAsync("New meeting", null, start, start.AddHours(1));
    }

    private async Task OpenDialogAsync(string title, Guid? id, DateTime? start, DateTime? end)
    {
        try
        {
            var result = await Dialogs.OpenAsync<MeetingDialog>(title, new Dictionary<string, object?>
            {
                [nameof(MeetingDialog.MeetingId)] = id,
                [nameof(MeetingDialog.Start)] = start,
                [nameof(MeetingDialog.End)] = end,
            }, new DialogOptions { Width = "min(40rem, 96vw)", CloseDialogOnEsc = true, Draggable = false });
            if (result is not MeetingDialogOutcome outcome) return;
            Show(AlertStyle.Success, outcome.Text);
            if (_scheduler is not null) await _scheduler.Reload();
            if (_grid is not null) await _grid.ReloadAsync();
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "open meeting dialog");
            Show(AlertStyle.Danger, UnexpectedText);
        }
    }

    private static void RenderAppointment(SchedulerAppointmentRenderEventArgs<CalendarItem> args)
    {
        if (args.Data is { } item) args.Attributes["aria-label"] = $"{item.Title}, {MeetingTimes.Slot(item.Start).Time}–{MeetingTimes.Slot(item.End).Time}";
    }

    /// <summary>Names each slot for staff, so a screen reader (and a browser test) can find "18:00 today" to schedule at.</summary>
    private void RenderSlot(SchedulerSlotRenderEventArgs args)
    {
        if (!_isStaff) return;
        var (day, time) = MeetingTimes.Slot(args.Start);
        args.Attributes["aria-label"] = args.View?.Text == "Month" ? $"Schedule a meeting on {day}" : $"Schedule a meeting on {day} at {time}";
    }

    private static string Tooltip(CalendarItem item)
    {
        var where = item.Location is null ? "" : $" · {item.Location}";
        return $"{MeetingTimes.Slot(item.Start).Time}–{MeetingTimes.Slot(item.End).Time} {item.Title}{where}\n{item.Participants}";
    }

    public void Dispose() => _currentLoad?.Cancel();
}
