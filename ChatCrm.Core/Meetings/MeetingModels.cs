using ChatCrm.Core.Common;

namespace ChatCrm.Core.Meetings;

/// <summary>A participant as the form picks it: an account or a lead, by id.</summary>
public sealed record ParticipantRef(Guid Id, ParticipantKind Kind);

/// <summary>What the meeting form sends: times are instants (any offset; stored as UTC).</summary>
public sealed record MeetingInput(
    string? Title,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    string? Location,
    string? Notes,
    IReadOnlyList<ParticipantRef> Participants);

/// <summary>A person the participant picker offers, or a participant of a meeting (name and email as snapshot).</summary>
/// <param name="Detail">"Agent", "Client", "Lead · Acme" ...: tells two people of the same name apart.</param>
public sealed record MeetingPerson(Guid Id, ParticipantKind Kind, string Name, string Email, string? Detail = null)
{
    public ParticipantRef Ref => new(Id, Kind);
}

/// <summary>One meeting with everything the details dialog shows.</summary>
public sealed record MeetingDetails(
    Guid Id,
    string Title,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    string? Location,
    string? Notes,
    Guid? OrganizerId,
    string? OrganizerName,
    IReadOnlyList<MeetingPerson> Participants,
    int Version,
    bool CanEdit);

/// <summary>A line of the calendar or the list.</summary>
public sealed record MeetingRow(Guid Id, string Title, DateTimeOffset StartAt, DateTimeOffset EndAt, string? Location, string Participants, int ParticipantCount);

/// <summary>Which meetings the list shows.</summary>
public enum MeetingWhen
{
    /// <summary>Not yet ended, soonest first.</summary>
    Upcoming = 1,

    /// <summary>Ended, latest first.</summary>
    Past = 2,

    /// <summary>Everything, latest first.</summary>
    All = 3,
}

/// <summary>A participant who is already in another meeting at the time asked about.</summary>
public sealed record MeetingConflict(Guid ParticipantId, string ParticipantName, Guid MeetingId, string MeetingTitle, DateTimeOffset StartAt, DateTimeOffset EndAt);

/// <summary>
/// The outcome of a save or delete. <see cref="Errors"/> are keyed by <see cref="MeetingFields"/> so the form shows each
/// next to its field. Mails to the participants are queued with the save, so a saved meeting always has its mails.
/// </summary>
public sealed record MeetingSaveResult(bool Succeeded, Guid? MeetingId, int Version, IReadOnlyDictionary<string, string> Errors)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public static MeetingSaveResult Saved(Guid id, int version) => new(true, id, version, NoErrors);

    public static MeetingSaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(false, null, 0, errors);

    public static MeetingSaveResult Fail(string message) => Invalid(new Dictionary<string, string> { [MeetingFields.Form] = message });

    /// <summary>For <c>ActionPageBase.RunAsync</c>: the first error becomes the page message.</summary>
    public Result ToResult() => Succeeded ? Result.Ok() : Result.Fail(Errors.Values.FirstOrDefault() ?? "The meeting could not be saved.");
}

/// <summary>Field keys of <see cref="MeetingSaveResult.Errors"/>.</summary>
public static class MeetingFields
{
    public const string Title = nameof(MeetingInput.Title);
    public const string StartAt = nameof(MeetingInput.StartAt);
    public const string EndAt = nameof(MeetingInput.EndAt);
    public const string Location = nameof(MeetingInput.Location);
    public const string Notes = nameof(MeetingInput.Notes);
    public const string Participants = nameof(MeetingInput.Participants);

    /// <summary>Not about one field (e.g. the meeting is gone).</summary>
    public const string Form = "";
}
