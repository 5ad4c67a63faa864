namespace ChatCrm.Core.Meetings;

/// <summary>
/// The checks on a meeting's own fields, shared by the service (the rule) and the form (the same messages as the
/// person types). Whether the participants exist needs the database and is checked by <see cref="MeetingService"/>.
/// </summary>
public static class MeetingRules
{
    /// <summary>
    /// Longer is almost always a mistyped date. The bound also lets the calendar and conflict queries use the start-time
    /// index: nothing that starts more than a day before a window can still be running in it.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public static Dictionary<string, string> Validate(MeetingInput input)
    {
        var errors = new Dictionary<string, string>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors[MeetingFields.Title] = "Enter a title.";
        else if (title.Length > Meeting.TitleMax) errors[MeetingFields.Title] = $"Keep the title to {Meeting.TitleMax} characters.";

        if (input.StartAt == default) errors[MeetingFields.StartAt] = "Choose when the meeting starts.";
        if (input.EndAt == default) errors[MeetingFields.EndAt] = "Choose when the meeting ends.";
        else if (input.StartAt != default && input.EndAt <= input.StartAt) errors[MeetingFields.EndAt] = "The end must be after the start.";
        else if (input.StartAt != default && input.EndAt - input.StartAt > MaxDuration) errors[MeetingFields.EndAt] = "A meeting can last at most 24 hours.";

        if (input.Location?.Trim().Length > Meeting.LocationMax) errors[MeetingFields.Location] = $"Keep the location or link to {Meeting.LocationMax} characters.";
        if (input.Notes?.Trim().Length > Meeting.NotesMax) errors[MeetingFields.Notes] = $"Keep the notes to {Meeting.NotesMax} characters.";

        var distinct = input.Participants.Select(p => p.Id).Distinct().Count();
        if (distinct == 0) errors[MeetingFields.Participants] = "Add at least one participant.";
        else if (distinct > Meeting.MaxParticipants) errors[MeetingFields.Participants] = $"A meeting can have at most {Meeting.MaxParticipants} participants.";
        return errors;
    }

    /// <summary>Blank becomes null, the rest is trimmed.</summary>
    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
