using ChatCrm.Core.Common;
using ChatCrm.Core.Email;

namespace ChatCrm.Core.Meetings;

internal enum MeetingMailKind
{
    Invited = 1,
    Updated = 2,
    Removed = 3,
    Cancelled = 4,
}

/// <summary>What a participant would notice changing: an update mail goes out only when one of these did.</summary>
internal sealed record MeetingMailSnapshot(string Title, DateTimeOffset StartAt, DateTimeOffset EndAt, string? Location);

internal sealed record MeetingMailContext(
    string Title,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    string? Location,
    string? Notes,
    string? OrganizerName,
    string? OrganizerEmail,
    string ActorName,
    IReadOnlyList<string> Participants,
    MeetingMailSnapshot? Before);

/// <summary>
/// The mails participants get, each in its recipient's time zone (<see cref="ReaderTime"/>): an account's own zone, UTC
/// for a lead or an account without one. The "When" line is the long form, which names the zone, so a mail forwarded
/// or read while travelling still says which clock it means.
/// </summary>
internal static class MeetingMails
{
    public static EmailMessage Build(MeetingMailKind kind, MeetingMailContext meeting, string name, string address, ReaderTime time)
    {
        var when = time.LongRange(meeting.StartAt, meeting.EndAt);
        var (subject, opening) = kind switch
        {
            MeetingMailKind.Invited => ($"Invitation: {meeting.Title}, {time.Short(meeting.StartAt)}", $"{meeting.ActorName} invited you to a meeting."),
            MeetingMailKind.Updated => ($"Updated: {meeting.Title}, {time.Short(meeting.StartAt)}", $"{meeting.ActorName} changed a meeting you are in."),
            MeetingMailKind.Removed => ($"Cancelled for you: {meeting.Title}", $"{meeting.ActorName} removed you from this meeting; you no longer need to attend."),
            _ => ($"Cancelled: {meeting.Title}, {time.Short(meeting.StartAt)}", $"{meeting.ActorName} cancelled this meeting."),
        };
        var lines = new List<string> { opening, $"What: {meeting.Title}", $"When: {when}" };
        if (meeting.Location is not null) lines.Add($"Where: {meeting.Location}");
        if (kind == MeetingMailKind.Updated && meeting.Before is { } before)
        {
            var was = $"Before the change: {before.Title}, {time.LongRange(before.StartAt, before.EndAt)}";
            lines.Add(before.Location is null ? was : $"{was}, {before.Location}");
        }
        if (kind is MeetingMailKind.Invited or MeetingMailKind.Updated)
        {
            if (meeting.Notes is not null) lines.Add($"Notes: {meeting.Notes}");
            if (meeting.OrganizerName is not null)
                lines.Add(meeting.OrganizerEmail is null ? $"Organizer: {meeting.OrganizerName}" : $"Organizer: {meeting.OrganizerName} ({meeting.OrganizerEmail})");
            lines.Add($"Participants: {string.Join(", ", meeting.Participants)}");
        }
        return EmailTemplates.Build(address, subject, name, lines);
    }
}
