using System.Globalization;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Meetings;

public sealed partial class MeetingDialog : IDisposable
{
    private const string FormId = "meeting-form";
    private static readonly TimeSpan ConflictDelay = TimeSpan.FromMilliseconds(300);
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly string[] TimeFields =
        [nameof(MeetingForm.StartDate), nameof(MeetingForm.StartTime), nameof(MeetingForm.EndDate), nameof(MeetingForm.EndTime)];

    /// <summary>The meeting to open; null for a new one.</summary>
    [Parameter] public Guid? MeetingId { get; set; }

    /// <summary>Prefilled times for a new meeting (the reader's wall clock, from the selected calendar slot).</summary>
    [Parameter] public DateTime? Start { get; set; }

    [Parameter] public DateTime? End { get; set; }

    /// <summary>Prefilled participants for a new meeting (the people of a chat it was planned from).</summary>
    [Parameter] public IReadOnlyList<MeetingPerson>? People { get; set; }

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    private MeetingForm _form = new();
    private EditContext _context = new(new MeetingForm());
    private RuleValidator<MeetingForm> _validator = default!;
    private bool _loading = true;
    private bool _missing;
    private bool _canEdit;
    private MeetingDetails? _details;
    private int _version;
    private IReadOnlyList<MeetingConflict> _conflicts = [];
    private readonly Debouncer _conflictPause = new(ConflictDelay);
    private readonly LatestLoad _conflictLoads = new();

    private bool ShowsForm => !_loading && !_missing && _canEdit;

    private string? ParticipantsError => _context.GetValidationMessages(_context.Field(nameof(MeetingForm.Participants))).FirstOrDefault();

    protected override async Task OnInitializedAsync()
    {
        if (MeetingId is null)
        {
            _canEdit = (await GetActorAsync()).IsStaff;
            StartForm(new MeetingForm { Start = Start, End = End, Participants = People?.ToList() ?? [] });
            _loading = false;
            return;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _details = await Meetings.GetAsync(await GetActorAsync(), MeetingId!.Value);
            _missing = _details is null;
            if (_details is { } meeting)
            {
                _canEdit = meeting.CanEdit;
                _version = meeting.Version;
                StartForm(new MeetingForm
                {
                    Title = meeting.Title,
                    Start = Time.Local(meeting.StartAt),
                    End = Time.Local(meeting.EndAt),
                    Location = meeting.Location,
                    Notes = meeting.Notes,
                    Participants = meeting.Participants.ToList(),
                });
            }
        }
        catch (Exception ex)
        {
            Report(ex, "open meeting");
            _missing = true;
        }
        finally
        {
            _loading = false;
        }
        if (ShowsForm) await CheckConflictsAsync();
    }

    // A new model starts the form afresh (first load, or a reload after someone else saved first).
    private void StartForm(MeetingForm form)
    {
        _form = form;
        _context = new EditContext(form);
        _conflicts = [];
    }

    private MeetingInput BuildInput() => new(_form.Title, Instant(_form.Start, _details?.StartAt), Instant(_form.End, _details?.EndAt),
        _form.Location, _form.Notes, _form.Participants.Select(p => p.Ref).ToList());

    // An unchanged time keeps its instant: a wall-clock time the clocks repeat would otherwise become its first
    // occurrence when the meeting sits at the second.
    private DateTimeOffset Instant(DateTime? local, DateTimeOffset? loaded) =>
        local is not { } wall ? default
        : loaded is { } at && Time.Local(at) == wall ? at
        : Time.ToUtc(wall);

    /// <summary>
    /// Says what a picked time means when the reader's clocks change then: a skipped time moves on by the gap, a
    /// repeated one is the first (see <see cref="ReaderTime.ToUtc(DateTime, out LocalTimeKind)"/>).
    /// </summary>
    private string? TimeNote => Note("start", _form.Start, _details?.StartAt) ?? Note("end", _form.End, _details?.EndAt);

    private string? Note(string which, DateTime? local, DateTimeOffset? loaded)
    {
        if (local is not { } wall || (loaded is { } was && Time.Local(was) == wall)) return null;
        var at = Time.Format.ToUtc(wall, out var kind);
        return kind switch
        {
            LocalTimeKind.Skipped => $"The clocks in {Time.ZoneName} skip {ReaderTime.TimeOfDay(TimeOnly.FromDateTime(wall))} that night: the {which} is saved as {Time.Short(at)}.",
            LocalTimeKind.Repeated => $"{ReaderTime.TimeOfDay(TimeOnly.FromDateTime(wall))} happens twice that night in {Time.ZoneName}: the {which} is the first, before the clocks go back.",
            _ => null,
        };
    }

    private Dictionary<string, string> CheckRules(MeetingForm form) => form.ToFields(MeetingRules.Validate(BuildInput()));

    private Task StartDateChangedAsync(DateTime? date)
    {
        var before = _form.Start;
        _form.StartDate = date;
        return StartMovedAsync(before);
    }

    private Task StartTimeChangedAsync(TimeSpan? time)
    {
        var before = _form.Start;
        _form.StartTime = time;
        return StartMovedAsync(before);
    }

    /// <summary>Moving the start keeps the length, as calendars do, so the end never lands before it.</summary>
    private Task StartMovedAsync(DateTime? before)
    {
        if (before is { } was && _form.Start is { } now && _form.End is { } end && end > was) _form.End = now + (end - was);
        return TimesChangedAsync();
    }

    private Task EndDateChangedAsync(DateTime? date)
    {
        _form.EndDate = date;
        return TimesChangedAsync();
    }

    private Task EndTimeChangedAsync(TimeSpan? time)
    {
        _form.EndTime = time;
        return TimesChangedAsync();
    }

    private async Task TimesChangedAsync()
    {
        // The four pickers say one thing (when), so each one's message follows a change to any of them.
        foreach (var field in TimeFields) _context.NotifyFieldChanged(_context.Field(field));
        await CheckConflictsAsync();
    }

    private async Task ParticipantsChangedAsync()
    {
        _context.NotifyFieldChanged(_context.Field(nameof(MeetingForm.Participants)));
        await CheckConflictsAsync();
    }

    /// <summary>Looks up who is already booked, after a pause; a newer change wins over an older check.</summary>
    private async Task CheckConflictsAsync()
    {
        if (_form.Start is not { } start || _form.End is not { } end || end <= start || _form.Participants.Count == 0)
        {
            _conflicts = [];
            return;
        }
        if (!await _conflictPause.WaitAsync()) return;
        var people = _form.Participants.Select(p => p.Id).ToList();
        var failure = await _conflictLoads.RunAsync(async token =>
        {
            var conflicts = await Meetings.FindConflictsAsync(await GetActorAsync(), Instant(start, _details?.StartAt), Instant(end, _details?.EndAt), people, MeetingId, token);
            return () => _conflicts = conflicts;
        });
        // Only a warning is lost; saving still works.
        if (failure is not null) ActionLog.ActionFailed(Logger, failure, "check meeting conflicts");
    }

    private async Task SaveAsync()
    {
        var input = BuildInput();
        MeetingSaveResult? saved = null;
        var ok = await RunAsync("save meeting", async actor =>
        {
            saved = MeetingId is { } id
                ? await Meetings.UpdateAsync(actor, id, input, _version)
                : await Meetings.CreateAsync(actor, input);
            // A field's problem shows beside the field (below); only one about no field becomes a message.
            return saved.Errors.TryGetValue(MeetingFields.Form, out var problem) ? Result.Fail(problem) : Result.Ok();
        }, successText: null, reload: LoadAsync);
        if (!ok || saved is null) return;
        if (!saved.Succeeded)
        {
            _validator.Show(_form.ToFields(saved.Errors));
            return;
        }
        Outcomes.Succeeded(MeetingId is null
            ? $"“{input.Title!.Trim()}” is scheduled; the participants get an invitation."
            : "The meeting is saved.");
        Dialog.Close(DialogResult.Ok(true));
    }

    private async Task DeleteAsync()
    {
        if (MeetingId is not { } id) return;
        var title = _details?.Title ?? _form.Title;
        var ok = await RunAsync("delete meeting", async actor => (await Meetings.DeleteAsync(actor, id, _version)).ToResult(),
            "The meeting is deleted; the participants get a cancellation.",
            confirm: () => Confirmations.AskAsync("Delete meeting", $"Delete “{title}”? The participants get a cancellation email.", "Delete meeting"),
            reload: LoadAsync);
        if (ok) Dialog.Close(DialogResult.Ok(true));
    }

    public void Dispose()
    {
        _conflictPause.Dispose();
        _conflictLoads.Dispose();
    }
}
