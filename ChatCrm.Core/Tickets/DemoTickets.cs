using ChatCrm.Core.Data;
using ChatCrm.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Tickets;

/// <summary>
/// Fifteen tickets from the demo clients: a mix of priorities and statuses, some past due, some answered by an agent,
/// so the list, the overdue filter and a thread all have something to show.
/// </summary>
internal sealed class DemoTickets(IDbContextFactory<ChatCrmDbContext> dbFactory, TicketSla sla, TimeProvider clock) : IDemoRecords
{
    private static readonly (string Subject, string Description, TicketPriority Priority, TicketStatus Status, int HoursAgo, string? Answer)[] Samples =
    [
        ("Cannot sign in on my phone", "The code arrives but the app says it expired.", TicketPriority.High, TicketStatus.Open, 30, null),
        ("Invoice 2024-118 shows the wrong VAT", "We are based in Germany; the invoice charges 0 %.", TicketPriority.Medium, TicketStatus.InProgress, 20,
            "Thanks, I have asked billing to reissue it with 19 % VAT."),
        ("Export to CSV cuts off long notes", "Notes over 255 characters end mid-word in the export.", TicketPriority.Low, TicketStatus.Open, 200, null),
        ("Dashboard is empty since this morning", "No charts at all, only spinners.", TicketPriority.Urgent, TicketStatus.Open, 6, null),
        ("Please add two more seats", "We hired two new support people.", TicketPriority.Low, TicketStatus.Resolved, 100,
            "Done: two seats added, the invitations are on their way."),
        ("Meeting invites arrive twice", "Every participant gets the same invitation two times.", TicketPriority.Medium, TicketStatus.Waiting, 80,
            "Could you forward one of the duplicate mails, with its headers?"),
        ("Password reset mail never arrives", "Checked spam as well.", TicketPriority.High, TicketStatus.InProgress, 10,
            "Our mail provider shows a bounce from your server; I am checking the details."),
        ("How do I change my company name?", "We rebranded last month.", TicketPriority.Low, TicketStatus.Closed, 400,
            "You can change it under Profile; I have updated it for you as well."),
        ("Attachments over 5 MB fail", "Upload stops at 99 %.", TicketPriority.Medium, TicketStatus.Open, 90, null),
        ("Wrong time zone in reminders", "Reminders come one hour late since the clock change.", TicketPriority.High, TicketStatus.Open, 40, null),
        ("Cancel our trial", "We decided to stay with our current tool.", TicketPriority.Low, TicketStatus.Open, 5, null),
        ("Chat messages out of order", "Two messages sent quickly show in the wrong order.", TicketPriority.Urgent, TicketStatus.InProgress, 2,
            "Reproduced; a fix is being tested."),
        ("Request for a data processing agreement", "Our legal team needs a signed DPA.", TicketPriority.Medium, TicketStatus.Open, 12, null),
        ("Lead import rejects semicolons", "Our CSV files use ';' as separator.", TicketPriority.Medium, TicketStatus.Waiting, 150,
            "Could you send a sample file with two rows?"),
        ("Thank you for the quick help", "All good now.", TicketPriority.Low, TicketStatus.Closed, 300, null),
    ];

    public int Order => 40;

    public async Task SeedAsync(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken)
    {
        var agents = people.Take(3).ToList();
        var clients = people.Skip(3).ToList();
        if (agents.Count == 0 || clients.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = (await db.Tickets.MaxAsync(t => (int?)t.Number, cancellationToken) ?? TicketService.FirstNumber - 1) + 1;
        var now = clock.GetUtcNow();
        for (var i = 0; i < Samples.Length; i++)
        {
            var (subject, description, priority, status, hoursAgo, answer) = Samples[i];
            var created = now.AddHours(-hoursAgo);
            var agent = agents[i % agents.Count];
            var ticket = new Ticket
            {
                Number = number++,
                Subject = subject,
                Description = description,
                Priority = priority,
                RequesterId = clients[i % clients.Count].Actor.UserId,
                // Fresh tickets wait in the unassigned queue; the rest are someone's.
                AssigneeId = status == TicketStatus.Open && i % 3 == 0 ? null : agent.Actor.UserId,
                DueAt = sla.DueAt(priority, created),
                CreatedAt = created,
                UpdatedAt = answer is null ? created : created.AddMinutes(45),
            };
            TicketService.SetStatus(ticket, status, created.AddMinutes(50));
            db.Tickets.Add(ticket);
            if (answer is not null)
                db.TicketComments.Add(new TicketComment { TicketId = ticket.Id, AuthorId = agent.Actor.UserId, Body = answer, CreatedAt = created.AddMinutes(45) });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
