using System.Diagnostics;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>How much CRM data to generate (the benchmark size by default).</summary>
internal sealed record CrmDataSize(int Leads = 100_000, int Tickets = 20_000, int Meetings = 10_000, int Agents = 20, int Clients = 200);

/// <summary>
/// Fills a ChatCrm database with believable CRM records through EF Core (so it works on either engine and writes
/// exactly what the app writes): leads with tags and a timeline line, tickets with comments and SLA due times, and
/// meetings with participants, spread over the last two years. Deterministic (seeded random) so runs compare.
/// </summary>
internal sealed class CrmDataGenerator(IDbContextFactory<ChatCrmDbContext> contexts, TimeProvider clock)
{
    private const int Batch = 5_000;

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lea", "Mateo", "Nia", "Omar", "Pia", "Quinn", "Rui", "Sara", "Tariq"];
    private static readonly string[] LastNames = ["Silva", "Novak", "Kim", "Osei", "Rossi", "Haddad", "Berg", "Ito", "Petrov", "Moreau", "Walsh", "Costa", "Meyer", "Singh", "Duarte"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture"];
    private static readonly string[] Sources = ["Website", "Referral", "Event", "Cold call", "LinkedIn", "Partner", "Ads"];
    private static readonly string[] Tags = ["vip", "enterprise", "smb", "renewal", "trial", "newsletter", "priority", "emea", "apac", "americas"];
    private static readonly string[] Topics = ["Invoice shows two seats", "Cannot sign in", "Export is slow", "Feature request: dark mode", "WhatsApp channel setup", "Billing address change", "API limits", "Data import failed"];

    public async Task<TimeSpan> GenerateAsync(CrmDataSize size, IReadOnlyList<Actor> agents, IReadOnlyList<Actor> clients, CancellationToken cancellationToken = default)
    {
        var clockwatch = Stopwatch.StartNew();
        var random = new Random(20261122);
        var now = clock.GetUtcNow();
        await InsertLeadsAsync(size.Leads, agents, random, now, cancellationToken);
        await InsertTicketsAsync(size.Tickets, agents, clients, random, now, cancellationToken);
        await InsertMeetingsAsync(size.Meetings, agents, clients, random, now, cancellationToken);
        return clockwatch.Elapsed;
    }

    private async Task InsertLeadsAsync(int count, IReadOnlyList<Actor> agents, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statuses = Enum.GetValues<LeadStatus>();
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var company = Companies[random.Next(Companies.Length)];
                var created = now.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
                var lead = new Lead
                {
                    Name = $"{first} {last}",
                    Email = $"{first}.{last}.{i}@{company}.example".ToLowerInvariant(),
                    Phone = $"+1 555 {random.Next(100, 999)} {i % 10_000:0000}",
                    Company = $"{company} {(i % 97) + 1}",
                    Status = statuses[random.Next(statuses.Length)],
                    Source = Sources[random.Next(Sources.Length)],
                    OwnerId = random.Next(10) == 0 ? null : agents[random.Next(agents.Count)].UserId,
                    CreatedAt = created,
                    UpdatedAt = created.AddMinutes(random.Next(0, 60 * 24 * 30)),
                };
                foreach (var tag in Tags.OrderBy(_ => random.Next()).Take(random.Next(0, 4))) lead.Tags.Add(new LeadTag { LeadId = lead.Id, Value = tag });
                lead.RefreshDerived();
                db.Leads.Add(lead);
                db.LeadActivities.Add(new LeadActivity { LeadId = lead.Id, Kind = LeadActivityKind.Created, ActorId = lead.OwnerId, At = created });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task InsertTicketsAsync(int count, IReadOnlyList<Actor> agents, IReadOnlyList<Actor> clients, Random random, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var priorities = Enum.GetValues<TicketPriority>();
        var statuses = Enum.GetValues<TicketStatus>();
        var slaHours = new Dictionary<TicketPriority, int> { [TicketPriority.Urgent] = 4, [TicketPriority.High] = 24, [TicketPriority.Medium] = 72, [TicketPriority.Low] = 168 };
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var created = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
                var priority = priorities[random.Next(priorities.Length)];
                var status = statuses[random.Next(statuses.Length)];
                var ticket = new Ticket
                {
                    Number = 1001 + i,
                    Subject = $"{Topics[random.Next(Topics.Length)]} ({i})",
                    Description = "Generated for the benchmark. The customer describes what happened and what they expected instead.",
                    Priority = priority,
                    Status = status,
                    RequesterId = clients[random.Next(clients.Count)].UserId,
                    AssigneeId = random.Next(5) == 0 ? null : agents[random.Next(agents.Count)].UserId,
                    DueAt = created.AddHours(slaHours[priority]),
                    ResolvedAt = status is TicketStatus.Resolved or TicketStatus.Closed ? created.AddHours(random.Next(1, 100)) : null,
                    CreatedAt = created,
                    UpdatedAt = created.AddHours(random.Next(0, 200)),
                };
                db.Tickets.Add(ticket);
                for (var c = random.Next(0, 3); c > 0; c--)
                {
                    db.TicketComments.Add(new TicketComment { TicketId = ticket.Id, AuthorId = ticket.AssigneeId ?? ticket.RequesterId, Body = "Thanks, we are looking into it.", CreatedAt = created.AddHours(c) });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task InsertMeetingsAsync(int count, IReadOnlyList<Actor> agents, IReadOnlyList<Actor> clients, Random random, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                // Half a year back to half a year ahead, on the quarter hour.
                var startAt = now.AddDays(random.Next(-182, 183)).AddMinutes(-(now.Minute % 15)).AddHours(random.Next(-4, 5));
                var endAt = startAt.AddMinutes(15 * random.Next(1, 9));
                var organizer = agents[random.Next(agents.Count)];
                var meeting = new Meeting
                {
                    Title = $"{Topics[random.Next(Topics.Length)]} review",
                    StartAt = startAt,
                    EndAt = endAt,
                    Location = random.Next(2) == 0 ? "https://meet.example/room-" + i : "Room " + random.Next(1, 12),
                    OrganizerId = organizer.UserId,
                    CreatedAt = startAt.AddDays(-7),
                    UpdatedAt = startAt.AddDays(-7),
                };
                var people = new HashSet<Actor> { organizer, clients[random.Next(clients.Count)] };
                if (random.Next(3) == 0) people.Add(agents[random.Next(agents.Count)]);
                foreach (var person in people)
                {
                    meeting.Participants.Add(new MeetingParticipant
                    {
                        MeetingId = meeting.Id, ParticipantId = person.UserId, Kind = ParticipantKind.User,
                        Name = "Bench person", Email = "person@bench.test", StartAt = startAt, EndAt = endAt,
                    });
                }
                db.Meetings.Add(meeting);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
