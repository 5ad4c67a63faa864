using ChatCrm.Core.Common;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>
/// The calendar (day, week, month; only the visible window is loaded) and the list. Staff schedule by selecting a time
/// and open any meeting to edit it; a client sees only the meetings they are in, read-only (the service enforces both).
/// </summary>
public sealed partial class MeetingsPage
{
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    /// <summary>A meeting to open at once (the dashboard links here with ?meeting=id).</summary>
    [SupplyParameterFromQuery(Name = "meeting")] private Guid? MeetingQuery { get; set; }

    /// <summary>A chat to plan a meeting with (its people prefilled): the chat's "Plan a meeting" links here with ?with=id.</summary>
    [SupplyParameterFromQuery(Name = "with")] private Guid? WithChat { get; set; }

    [Inject] private ChatContacts Contacts { get; set; } = default!;

    private MeetingCalendar? _calendar;
    private MeetingList? _list;
    private bool _isStaff;
    // The calendar waits for the live page, so its window is loaded once.
    private bool _ready;
    // The reader's today, not the server's: the calendar opens on it (fixed once, so paging through weeks stays put).
    private DateTime _today;
    private CalendarWindow _window;
    private int _tab;

    protected override async Task OnInitializedAsync()
    {
        _today = Time.Local(Time.Now).Date;
        _window = new CalendarWindow(CalendarView.Week, _today);
        _isStaff = (await GetActorAsync()).IsStaff;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
        if (MeetingQuery is { } meetingId) await OpenMeetingAsync(meetingId);
        else if (WithChat is { } chat && _isStaff) await PlanWithChatAsync(chat);
    }

    private async Task PlanWithChatAsync(Guid chat)
    {
        IReadOnlyList<MeetingPerson> people = [];
        try
        {
            people = await Contacts.MeetingPeopleAsync(await GetActorAsync(), chat);
        }
        catch (ForbiddenException ex)
        {
            Outcomes.Refused(ex.Message);
            return;
        }
        await NewMeetingWithAsync(people);
    }

    private Task ScheduleAsync(CalendarRange range) => OpenDialogAsync(null, range.Start, range.End);

    private Task OpenMeetingAsync(Guid id) => OpenDialogAsync(id, null, null);

    private Task NewMeetingAsync() => NewMeetingWithAsync(null);

    private Task NewMeetingWithAsync(IReadOnlyList<MeetingPerson>? people)
    {
        // The next whole hour, an hour long.
        var now = Time.Local(Time.Now);
        var start = now.Date.AddHours(now.Hour + 1);
        return OpenDialogAsync(null, start, start.AddHours(1), people);
    }

    private async Task OpenDialogAsync(Guid? id, DateTime? start, DateTime? end, IReadOnlyList<MeetingPerson>? people = null)
    {
        try
        {
            var title = id is null ? "New meeting" : _isStaff ? "Edit meeting" : "Meeting";
            var parameters = new DialogParameters<MeetingDialog>
            {
                { d => d.MeetingId, id },
                { d => d.Start, start },
                { d => d.End, end },
                { d => d.People, people },
            };
            var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };
            var dialog = await Dialogs.ShowAsync<MeetingDialog>(title, parameters, options);
            var result = await dialog.Result;
            if (result is null || result.Canceled) return;
            if (_calendar is not null) await _calendar.ReloadAsync();
            if (_list is not null) await _list.ReloadAsync();
        }
        catch (Exception ex)
        {
            Report(ex, "open meeting dialog");
        }
    }
}
