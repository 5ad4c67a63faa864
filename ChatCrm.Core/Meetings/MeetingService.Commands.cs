using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Meetings;

public sealed partial class MeetingService
{
    private const string GoneText = "That meeting no longer exists. It may have been deleted.";

    /// <summary>Schedules a meeting organized by the caller and mails the participants (not the caller).</summary>
    public async Task<MeetingSaveResult> CreateAsync(Actor actor, MeetingInput input, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "meetings");
        var errors = MeetingRules.Validate(input);
        if (errors.Count > 0) return MeetingSaveResult.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await ResolveParticipantsAsync(db, input.Participants, cancellationToken);
        if (people is null) return ParticipantsGone();
        var now = clock.GetUtcNow();
        var meeting = new Meeting { OrganizerId = actor.UserId, CreatedAt = now };
        Apply(meeting, input, now);
        meeting.Participants = people.Select(p => NewParticipant(meeting, p)).ToList();
        db.Meetings.Add(meeting);
        var mail = await MailContextAsync(db, meeting, actor, cancellationToken);
        await QueueMailsAsync(db, meeting.Participants.Select(p => Invitation(MeetingMailKind.Invited, mail, p)), actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingSaveResult.Saved(meeting.Id, meeting.Version);
    }

    /// <summary>
    /// Saves the form against the version it loaded. Added people get an invitation, removed ones a cancellation, and
    /// the others an update when the title, time or place changed (a notes edit alone mails nobody).
    /// </summary>
    public async Task<MeetingSaveResult> UpdateAsync(Actor actor, Guid meetingId, MeetingInput input, int loadedVersion,
        CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "meetings");
        var errors = MeetingRules.Validate(input);
        if (errors.Count > 0) return MeetingSaveResult.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null) return MeetingSaveResult.Fail(GoneText);
        db.ExpectVersion(meeting, loadedVersion);
        var people = await ResolveParticipantsAsync(db, input.Participants, cancellationToken);
        if (people is null) return ParticipantsGone();

        var before = new MeetingMailSnapshot(meeting.Title, meeting.StartAt, meeting.EndAt, meeting.Location);
        Apply(meeting, input, clock.GetUtcNow());
        var wanted = people.ToDictionary(p => p.Id);
        var removed = meeting.Participants.Where(p => !wanted.ContainsKey(p.ParticipantId)).ToList();
        foreach (var gone in removed) meeting.Participants.Remove(gone);
        var added = new List<MeetingParticipant>();
        foreach (var person in people)
        {
            var existing = meeting.Participants.FirstOrDefault(p => p.ParticipantId == person.Id);
            if (existing is null)
            {
                var participant = NewParticipant(meeting, person);
                meeting.Participants.Add(participant);
                added.Add(participant);
                continue;
            }
            // The copies let "who is booked then" be one index range; they must follow every move of the meeting.
            existing.StartAt = meeting.StartAt;
            existing.EndAt = meeting.EndAt;
            existing.Name = person.Name;
            existing.Email = person.Email;
        }
        var mail = await MailContextAsync(db, meeting, actor, cancellationToken);
        var changed = before != new MeetingMailSnapshot(meeting.Title, meeting.StartAt, meeting.EndAt, meeting.Location);
        var mails = added.Select(p => Invitation(MeetingMailKind.Invited, mail, p))
            .Concat(removed.Select(p => Invitation(MeetingMailKind.Removed, mail, p)));
        if (changed)
        {
            mails = mails.Concat(meeting.Participants.Except(added).Select(p => Invitation(MeetingMailKind.Updated, mail with { Before = before }, p)));
        }
        await QueueMailsAsync(db, mails, actor, cancellationToken);
        await db.SaveOrConflictAsync(cancellationToken);
        return MeetingSaveResult.Saved(meeting.Id, meeting.Version);
    }

    /// <summary>Deletes the meeting (as loaded at <paramref name="loadedVersion"/>) and tells the participants it is cancelled.</summary>
    public async Task<MeetingSaveResult> DeleteAsync(Actor actor, Guid meetingId, int loadedVersion, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "meetings");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null) return MeetingSaveResult.Fail(GoneText);
        db.ExpectVersion(meeting, loadedVersion);
        db.Meetings.Remove(meeting);
        var mail = await MailContextAsync(db, meeting, actor, cancellationToken);
        await QueueMailsAsync(db, meeting.Participants.Select(p => Invitation(MeetingMailKind.Cancelled, mail, p)), actor, cancellationToken);
        await db.SaveOrConflictAsync(cancellationToken);
        return MeetingSaveResult.Saved(meeting.Id, meeting.Version);
    }

    private static void Apply(Meeting meeting, MeetingInput input, DateTimeOffset now)
    {
        meeting.Title = input.Title!.Trim();
        meeting.StartAt = input.StartAt.ToUniversalTime();
        meeting.EndAt = input.EndAt.ToUniversalTime();
        meeting.Location = MeetingRules.Clean(input.Location);
        meeting.Notes = MeetingRules.Clean(input.Notes);
        meeting.UpdatedAt = now;
    }

    private static MeetingParticipant NewParticipant(Meeting meeting, MeetingPerson person) => new()
    {
        MeetingId = meeting.Id,
        ParticipantId = person.Id,
        Kind = person.Kind,
        Name = Shorten(person.Name, 120),
        Email = person.Email,
        StartAt = meeting.StartAt,
        EndAt = meeting.EndAt,
    };

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..max];

    private static MeetingSaveResult ParticipantsGone() => MeetingSaveResult.Invalid(new Dictionary<string, string>
    {
        [MeetingFields.Participants] = "Someone you picked no longer exists (a deleted account or lead). Remove them and save again.",
    });

    /// <summary>The picked people as they are now (name and email snapshot), or null when any of them is gone.</summary>
    private static async Task<List<MeetingPerson>?> ResolveParticipantsAsync(ChatCrmDbContext db, IReadOnlyList<ParticipantRef> picked,
        CancellationToken cancellationToken)
    {
        var userIds = picked.Where(p => p.Kind == ParticipantKind.User).Select(p => p.Id).Distinct().ToList();
        var leadIds = picked.Where(p => p.Kind == ParticipantKind.Lead).Select(p => p.Id).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new MeetingPerson(u.Id, ParticipantKind.User, u.DisplayName, u.Email ?? "", null)).ToListAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id))
            .Select(l => new MeetingPerson(l.Id, ParticipantKind.Lead, l.Name, l.Email, null)).ToListAsync(cancellationToken);
        if (users.Count != userIds.Count || leads.Count != leadIds.Count) return null;
        // A GUID v7 never repeats across users and leads; one person picked under both kinds is the same id twice.
        return users.Concat(leads).DistinctBy(p => p.Id).ToList();
    }

    private static async Task<MeetingMailContext> MailContextAsync(ChatCrmDbContext db, Meeting meeting, Actor actor, CancellationToken cancellationToken)
    {
        var ids = new[] { meeting.OrganizerId ?? Guid.Empty, actor.UserId };
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var organizer = names.FirstOrDefault(n => n.Id == meeting.OrganizerId);
        var actorName = names.FirstOrDefault(n => n.Id == actor.UserId)?.DisplayName ?? "Someone";
        var everyone = meeting.Participants.Select(p => p.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return new MeetingMailContext(meeting.Title, meeting.StartAt, meeting.EndAt, meeting.Location, meeting.Notes,
            organizer?.DisplayName, organizer?.Email, actorName, everyone, null);
    }

    private static (MeetingParticipant To, MeetingMailKind Kind, MeetingMailContext Context) Invitation(MeetingMailKind kind, MeetingMailContext context,
        MeetingParticipant to) => (to, kind, context);

    /// <summary>
    /// Queues the mails in the save's own context, so they go out exactly when the change is saved. The caller is not
    /// mailed about their own action; a participant without an address is skipped. Each mail is written in its
    /// recipient's zone: an account's own, UTC for a lead.
    /// </summary>
    private async Task QueueMailsAsync(ChatCrmDbContext db, IEnumerable<(MeetingParticipant To, MeetingMailKind Kind, MeetingMailContext Context)> mails,
        Actor actor, CancellationToken cancellationToken)
    {
        var due = mails.Where(m => !(m.To.Kind == ParticipantKind.User && m.To.ParticipantId == actor.UserId) && !string.IsNullOrWhiteSpace(m.To.Email)).ToList();
        var accounts = due.Where(m => m.To.Kind == ParticipantKind.User).Select(m => m.To.ParticipantId).Distinct().ToList();
        var zones = accounts.Count == 0
            ? new Dictionary<Guid, string?>()
            : await db.Users.AsNoTracking().Where(u => accounts.Contains(u.Id)).Select(u => new { u.Id, u.TimeZone })
                .ToDictionaryAsync(u => u.Id, u => u.TimeZone, cancellationToken);
        foreach (var (to, kind, context) in due)
        {
            var time = ReaderTime.For(to.Kind == ParticipantKind.User ? zones.GetValueOrDefault(to.ParticipantId) : null);
            outbox.Add(db, MeetingMails.Build(kind, context, to.Name, to.Email, time));
        }
    }
}
