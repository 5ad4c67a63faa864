using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Pages.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>What the page tells the person after the dialog closed with a change.</summary>
public sealed record MeetingDialogOutcome(string Text);

public sealed partial class MeetingDialog : IDisposable
{
    private static readonly TimeSpan ConflictDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>The meeting to open; null for a new one.</summary>
    [Parameter] public Guid? MeetingId { get; set; }

    /// <summary>Prefilled times for a new meeting (the reader's wall clock, from the selected calendar slot).</summary>
    [Parameter] public DateTime? Start { get; set; }

    [Parameter] public DateTime? End { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = default!;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    [Inject] private ReaderClock Time { get; set; } = default!;

    // RadzenTemplateForm wants a model; the fields below are the form's state.
    private readonly object _formData = new();
    private bool _loading = true;
    private bool _missing;
    private bool _canEdit;
    private MeetingDetails? _details;
    private string? _title;
    private DateTime? _start;
    private DateTime? _end;
    private string? _location;
    private string? _notes;
    private List<MeetingPerson> _people = [];
    private int _version;
    // Shown once the person tried to save; from then on they follow every edit.
    private bool _validated;
    private Dictionary<string, string> _errors = [];
    private IReadOnlyList<MeetingConflict> _conflicts = [];
    private CancellationTokenSource? _conflictCheck;

    protected override async Task OnInitializedAsync()
    {
        if (MeetingId is null)
        {
            _canEdit = (await GetActorAsync()).IsStaff;
            _start = Start;
            _end = End;
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
                _title = meeting.Title;
                _start = Time.Local(meeting.StartAt);
                _end = Time.Local(meeting.EndAt);
                _location = meeting.Location;
                _notes = meeting.Notes;
                _people = meeting.Participants.ToList();
                _version = meeting.Version;
                _errors = [];
                _validated = false;
            }
        }
        catch (Exception ex)
        {
            ActionLog.ActionFailed(Logger, ex, "open meeting");
            Show(AlertStyle.Danger, "The meeting could not be loaded. Please try again.");
            _missing = true;
        }
        finally
        {
            _loading = false;
        }
        if (_canEdit && !_missing) await CheckConflictsAsync();
    }

    private MeetingInput BuildInput() => new(_title, Instant(_start, _details?.StartAt), Instant(_end, _details?.EndAt),
        _location, _notes, _people.Select(p => p.Ref).ToList());

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
    private string? TimeNote => Note("start", _start, _details?.StartAt) ?? Note("end", _end, _details?.EndAt);

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

    private void Revalidate()
    {
        if (_validated) _errors = MeetingRules.Validate(BuildInput());
    }

    /// <summary>Moving the start keeps the length, as calendars do, so the end never lands before it.</summary>
    private async Task StartChangedAsync()
    {
        if (_start is { } start && _end is { } end && end <= start) _end = start.AddMinutes(30);
        await TimesChangedAsync();
    }

    private async Task TimesChangedAsync()
    {
        Revalidate();
        await CheckConflictsAsync();
    }

    private async Task ParticipantsChangedAsync()
    {
        Revalidate();
        await CheckConflictsAsync();
    }

    /// <summary>Looks up who is already booked, after a pause; a newer change cancels an older check.</summary>
    private async Task CheckConflictsAsync()
    {
        _conflictCheck?.Cancel();
        _conflictCheck = null;
        if (_start is not { } start || _end is not { } end || end <= start || _people.Count == 0)
        {
            _conflicts = [];
            return;
        }
        // Disposed when this check ends; _conflictCheck is cleared then too, so no later call cancels a disposed source.
        using var check = _conflictCheck = new CancellationTokenSource();
        try
        {
            await Task.Delay(ConflictDelay, check.Token);
            var conflicts = await Meetings.FindConflictsAsync(await GetActorAsync(), Instant(start, _details?.StartAt), Instant(end, _details?.EndAt),
                _people.Select(p => p.Id).ToList(), MeetingId, check.Token);
            if (!check.IsCancellationRequested) _conflicts = conflicts;
        }
        catch (OperationCanceledException) when (check.IsCancellationRequested)
        {
            // A newer change checks again.
        }
        catch (Exception ex)
        {
            // Only a warning is lost; saving still works.
            ActionLog.ActionFailed(Logger, ex, "check meeting conflicts");
        }
        finally
        {
            if (ReferenceEquals(_conflictCheck, check)) _conflictCheck = null;
        }
    }

    private async Task SaveAsync()
    {
        var input = BuildInput();
        _validated = true;
        _errors = MeetingRules.Validate(input);
        if (_errors.Count > 0) return;
        MeetingSaveResult? saved = null;
        var ok = await RunAsync("save meeting", async actor =>
        {
            saved = MeetingId is { } id
                ? await Meetings.UpdateAsync(actor, id, input, _version)
                : await Meetings.CreateAsync(actor, input);
            return saved.ToResult();
        }, successText: null, reload: LoadAsync);
        if (saved is null) return;
        if (ok)
        {
            Dialogs.Close(new MeetingDialogOutcome(MeetingId is null ? $"“{input.Title!.Trim()}” is scheduled; the participants get an invitation." : "The meeting is saved."));
            return;
        }
        // A field's problem shows next to the field, not a second time at the top.
        _errors = saved.Errors.Where(e => e.Key != MeetingFields.Form).ToDictionary();
        if (_errors.Count > 0) Message = null;
    }

    private async Task DeleteAsync()
    {
        if (MeetingId is not { } id) return;
        MeetingSaveResult? deleted = null;
        var ok = await RunAsync("delete meeting", async actor =>
            {
                deleted = await Meetings.DeleteAsync(actor, id, _version);
                return deleted.ToResult();
            }, successText: null,
            confirm: async () => await Dialogs.Confirm($"Delete “{_title}”? The participants get a cancellation email.", "Delete meeting",
                new ConfirmOptions { OkButtonText = "Delete meeting", CancelButtonText = "Keep it", CloseDialogOnEsc = true }) == true,
            reload: LoadAsync);
        if (ok && deleted is not null)
            Dialogs.Close(new MeetingDialogOutcome("The meeting is deleted; the participants get a cancellation."));
    }

    public void Dispose() => _conflictCheck?.Cancel();
}
