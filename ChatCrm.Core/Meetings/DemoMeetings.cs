using ChatCrm.Core.Data;
using ChatCrm.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Meetings;

/// <summary>
/// About ten meetings this week and next between the demo agents, clients and a couple of leads (when the leads' demo
/// records ran first). Written straight to the database: demo people should not get a pile of invitations.
/// </summary>
internal sealed class DemoMeetings(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock) : IDemoRecords
{
    public int Order => 30;

    // Day from this week's Monday, hour (UTC), minutes, title, location, organizer (agent index), other people (indexes; -1, -2: leads).
    private static readonly (int Day, int Hour, int Minutes, string Title, string? Location, int Organizer, int[] Others)[] Plan =
    [
        (0, 9, 30, "Weekly pipeline review", "Room Atlas", 0, [1, 2]),
        (1, 14, 45, "Onboarding call", "https://meet.example.com/okafor-onboarding", 0, [3]),
        (2, 10, 60, "Pricing questions", "https://meet.example.com/fischer", 1, [4, -1]),
        (2, 15, 30, "Renewal check-in", "Phone", 2, [5]),
        (3, 11, 60, "Product demo", "https://meet.example.com/demo", 0, [3, 6, -2]),
        (4, 13, 30, "Support escalation follow-up", null, 1, [7, 0]),
        (7, 9, 30, "Weekly pipeline review", "Room Atlas", 0, [1, 2]),
        (8, 16, 45, "Quarterly business review", "Client office, Lagos", 0, [3, 1]),
        (9, 10, 30, "Integration workshop", "https://meet.example.com/workshop", 2, [8, 5, -1]),
        (10, 14, 60, "Contract walkthrough", "Room Orbit", 1, [4, 3]),
    ];

    public async Task SeedAsync(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().OrderBy(l => l.CreatedAt).Select(l => new { l.Id, l.Name, l.Email }).Take(2).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        // From Monday of this week; at a weekend, from the coming Monday, so the demo week is not already over.
        var monday = today.DayOfWeek switch
        {
            DayOfWeek.Saturday => today.AddDays(2),
            DayOfWeek.Sunday => today.AddDays(1),
            _ => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
        };
        foreach (var plan in Plan)
        {
            var start = monday.AddDays(plan.Day).AddHours(plan.Hour);
            var meeting = new Meeting
            {
                Title = plan.Title,
                StartAt = start,
                EndAt = start.AddMinutes(plan.Minutes),
                Location = plan.Location,
                Notes = plan.Others.Any(i => i < 0) ? "Prospect meeting: bring the one-page overview." : null,
                OrganizerId = people[plan.Organizer].Actor.UserId,
                CreatedAt = now.AddDays(-3),
                UpdatedAt = now.AddDays(-3),
            };
            foreach (var index in plan.Others.Prepend(plan.Organizer))
            {
                MeetingParticipant participant;
                if (index >= 0)
                {
                    var person = people[index];
                    participant = new MeetingParticipant { ParticipantId = person.Actor.UserId, Kind = ParticipantKind.User, Name = person.Name, Email = person.Email };
                }
                else if (leads.Count >= -index)
                {
                    var lead = leads[-index - 1];
                    participant = new MeetingParticipant { ParticipantId = lead.Id, Kind = ParticipantKind.Lead, Name = lead.Name, Email = lead.Email };
                }
                else
                {
                    continue;
                }
                participant.MeetingId = meeting.Id;
                participant.StartAt = meeting.StartAt;
                participant.EndAt = meeting.EndAt;
                meeting.Participants.Add(participant);
            }
            db.Meetings.Add(meeting);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
