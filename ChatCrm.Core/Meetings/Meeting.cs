using ChatCrm.Core.Common;

namespace ChatCrm.Core.Meetings;

/// <summary>A meeting: the <c>meetings</c> document with its embedded participant list (<c>meeting_participants</c>).</summary>
public sealed class Meeting : IVersioned
{
    public const int TitleMax = 150;
    public const int LocationMax = 300;
    public const int NotesMax = 4000;
    public const int MaxParticipants = 50;

    public Guid Id { get; set; } = Ids.New();

    public string Title { get; set; } = "";

    public DateTimeOffset StartAt { get; set; }

    public DateTimeOffset EndAt { get; set; }

    /// <summary>A room, an address or a video link.</summary>
    public string? Location { get; set; }

    public string? Notes { get; set; }

    public Guid? OrganizerId { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

public enum ParticipantKind
{
    User = 1,
    Lead = 2,
}

/// <summary>
/// A person in a meeting: an account or a lead. Name and email are a snapshot for the invitation and the list, so a
/// meeting still reads well after the lead or account is gone.
/// </summary>
public sealed class MeetingParticipant
{
    public Guid MeetingId { get; set; }

    /// <summary>The user id or the lead id, by <see cref="Kind"/>.</summary>
    public Guid ParticipantId { get; set; }

    public ParticipantKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Copied from the meeting so "is this person booked then?" is one indexed range query.</summary>
    public DateTimeOffset StartAt { get; set; }

    public DateTimeOffset EndAt { get; set; }
}
