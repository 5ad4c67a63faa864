using ChatCrm.Core.Meetings;

namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>
/// What the meeting form edits: Core's <see cref="MeetingInput"/> as the pickers hold it (a date and a time of the
/// reader's wall clock for each end, the people picked). The dialog turns it into the input Core checks
/// (<see cref="MeetingRules.Validate"/>) and saves; <see cref="ToFields"/> puts each of Core's sentences beside the
/// input it is about.
/// </summary>
public sealed class MeetingForm
{
    public string? Title { get; set; }

    public DateTime? StartDate { get; set; }

    public TimeSpan? StartTime { get; set; }

    public DateTime? EndDate { get; set; }

    public TimeSpan? EndTime { get; set; }

    public string? Location { get; set; }

    public string? Notes { get; set; }

    public List<MeetingPerson> Participants { get; set; } = [];

    /// <summary>The start as one wall-clock time; null until both its date and time are chosen.</summary>
    public DateTime? Start
    {
        get => Combine(StartDate, StartTime);
        set => (StartDate, StartTime) = Split(value);
    }

    public DateTime? End
    {
        get => Combine(EndDate, EndTime);
        set => (EndDate, EndTime) = Split(value);
    }

    /// <summary>
    /// Core's messages keyed by <see cref="MeetingFields"/>, keyed by this form's inputs instead: a missing start or end
    /// goes beside the date when that is what is missing, every other time message beside the time.
    /// </summary>
    public Dictionary<string, string> ToFields(IReadOnlyDictionary<string, string> errors)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (field, message) in errors)
        {
            var key = field switch
            {
                MeetingFields.StartAt => StartDate is null ? nameof(StartDate) : nameof(StartTime),
                MeetingFields.EndAt => EndDate is null ? nameof(EndDate) : nameof(EndTime),
                _ => field,
            };
            fields[key] = message;
        }
        return fields;
    }

    private static DateTime? Combine(DateTime? date, TimeSpan? time) => date is { } d && time is { } t ? d.Date + t : null;

    private static (DateTime?, TimeSpan?) Split(DateTime? at) => at is { } a ? (a.Date, a.TimeOfDay) : (null, null);
}
