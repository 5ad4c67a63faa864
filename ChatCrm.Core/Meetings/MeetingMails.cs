using System.Globalization;
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
/// The mails participants get. Times are written in UTC and say so, with the ISO form beside them: the server does not
/// know each recipient's time zone, and an explicit UTC time converts without guessing.
/// </summary>
internal static class MeetingMails
{
    public static EmailMessage Build(MeetingMailKind kind, MeetingMailContext meeting, string name, string address)
    {
        var when = When(meeting.StartAt, meeting.EndAt);
        var (subject, opening) = kind switch
        {
            MeetingMailKind.Invited => ($"Invitation: {meeting.Title}, {ShortWhen(meeting.StartAt)}", $"{meeting.ActorName} invited you to a meeting."),
            MeetingMailKind.Updated => ($"Updated: {meeting.Title}, {ShortWhen(meeting.StartAt)}", $"{meeting.ActorName} changed a meeting you are in."),
            MeetingMailKind.Removed => ($"Cancelled for you: {meeting.Title}", $"{meeting.ActorName} removed you from this meeting; you no longer need to attend."),
            _ => ($"Cancelled: {meeting.Title}, {ShortWhen(meeting.StartAt)}", $"{meeting.ActorName} cancelled this meeting."),
        };
        var lines = new List<string> { opening, $"What: {meeting.Title}", $"When: {when}" };
        if (meeting.Location is not null) lines.Add($"Where: {meeting.Location}");
        if (kind == MeetingMailKind.Updated && meeting.Before is { } before)
        {
            var was = $"Before the change: {before.Title}, {When(before.StartAt, before.EndAt)}";
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

    /// <summary>"Tuesday, 24 November 2026, 14:00–15:30 UTC (2026-11-24T14:00:00Z to 2026-11-24T15:30:00Z)".</summary>
    internal static string When(DateTimeOffset start, DateTimeOffset end)
    {
        var culture = CultureInfo.InvariantCulture;
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        var day = start.ToString("dddd, d MMMM yyyy, HH:mm", culture);
        var until = end.Date == start.Date ? end.ToString("HH:mm", culture) : end.ToString("dddd, d MMMM yyyy, HH:mm", culture);
        return $"{day}–{until} UTC ({Iso(start)} to {Iso(end)})";
    }

    private static string ShortWhen(DateTimeOffset start) =>
        start.ToUniversalTime().ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
