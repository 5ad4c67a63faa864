using ChatCrm.Core.Data;
using ChatCrm.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Sixty believable leads spread over the pipeline, the three demo agents (and a few unassigned), sources and
/// tags, with a short timeline each. Written in one save: a demo install starts in well under a second.
/// </summary>
internal sealed class DemoLeads(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock) : IDemoRecords
{
    private const int Count = 60;

    private static readonly string[] FirstNames =
        ["Olivia", "Noah", "Emma", "Liam", "Sofia", "Mateo", "Hana", "Lucas", "Amara", "Ethan", "Ines", "Kenji", "Zoe", "Omar", "Freya",
         "Rafael", "Mina", "Jakob", "Leila", "Arjun"];

    private static readonly string[] LastNames =
        ["Meyer", "Silva", "Kowalski", "Haddad", "Nguyen", "Rossi", "Johansson", "Moreau", "Costa", "Yilmaz", "Sato", "Brennan", "Novak", "Dubois", "Patel"];

    private static readonly string[] Companies =
        ["Northwind Traders", "Lisbon Tiles", "Bluefin Logistics", "Acme Robotics", "Greenleaf Foods", "Orbit Media", "Helix Health",
         "Summit Legal", "Pioneer Solar", "Kestrel Travel", "Brightline Schools", "Copperfield Bank"];

    private static readonly string[] Sources = ["Website", "Referral", "Trade fair", "LinkedIn", "Cold call", "Newsletter"];

    private static readonly string[] Tags = ["vip", "pricing", "demo-requested", "enterprise", "smb", "renewal", "whatsapp"];

    private static readonly string[] Notes =
        ["Asked for a pricing sheet for 25 seats.", "Prefers WhatsApp over email.", "Call back after their budget meeting next week.",
         "Met at the Lisbon trade fair; very interested in the ticketing module.", "Wants a demo with their support lead present."];

    public int Order => 10;

    public async Task SeedAsync(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken)
    {
        var agents = people.Take(3).ToList();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        for (var i = 0; i < Count; i++)
        {
            // Deterministic spread (i-based), so screenshots and tests see the same demo every time.
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            var company = Companies[(i * 5) % Companies.Length];
            var status = (LeadStatus)((i % 10) switch { < 3 => 1, < 5 => 2, < 7 => 3, < 9 => 4, _ => 5 });
            var owner = i % 8 == 7 ? null : agents[i % agents.Count];
            var created = now.AddDays(-(i * 1.5) - 1).AddHours(-(i % 9));
            var updated = created.AddHours(6 + i % 30);
            var lead = new Lead
            {
                Name = $"{first} {last}",
                Email = $"{first}.{last}{(i >= FirstNames.Length ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}@{company.Split(' ')[0].ToLowerInvariant()}.example".ToLowerInvariant(),
                Phone = i % 4 == 3 ? null : $"+351 21 {100 + i * 13 % 900} {1000 + i * 37 % 9000}",
                Company = company,
                Status = status,
                Source = Sources[i % Sources.Length],
                OwnerId = owner?.Actor.UserId,
                CreatedById = (owner ?? agents[0]).Actor.UserId,
                CreatedAt = created,
                UpdatedAt = updated > now ? now : updated,
            };
            lead.Tags.Add(new LeadTag { LeadId = lead.Id, Value = Tags[i % Tags.Length] });
            if (i % 3 == 0) lead.Tags.Add(new LeadTag { LeadId = lead.Id, Value = Tags[(i + 3) % Tags.Length] });
            lead.RefreshDerived();
            db.Leads.Add(lead);

            var by = (owner ?? agents[0]).Actor;
            db.LeadActivities.Add(LeadService.Activity(lead.Id, LeadActivityKind.Created, null, by, created));
            if (status != LeadStatus.New)
                db.LeadActivities.Add(LeadService.Activity(lead.Id, LeadActivityKind.StatusChanged, $"{LeadStatus.New} → {status}", by, lead.UpdatedAt));
            if (i % 4 == 0)
                db.LeadActivities.Add(LeadService.Activity(lead.Id, LeadActivityKind.Note, Notes[i / 4 % Notes.Length], by, created.AddHours(2)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
