using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Tickets;

/// <summary>What a ticket mail needs to say, taken after the save.</summary>
public sealed record TicketMailFacts(Guid Id, int Number, string Subject, TicketStatus Status, Guid RequesterId);

/// <summary>
/// Mails about a ticket, queued in the context of the change that causes them: saved together with it, or not at all.
/// </summary>
public sealed class TicketNotifier(MailOutbox outbox, IOptions<EmailOptions> email)
{
    public Task StatusChangedAsync(ChatCrmDbContext db, TicketMailFacts ticket, Guid changedBy, CancellationToken cancellationToken) =>
        QueueAsync(db, ticket.RequesterId, changedBy, by => TicketMails.StatusChanged(ticket, by, Link(ticket.Id)), cancellationToken);

    public Task StaffRepliedAsync(ChatCrmDbContext db, TicketMailFacts ticket, Guid author, string body, bool statusMoved, CancellationToken cancellationToken) =>
        QueueAsync(db, ticket.RequesterId, author, by => TicketMails.Replied(ticket, by, body, statusMoved, Link(ticket.Id)), cancellationToken);

    public Task RequesterRepliedAsync(ChatCrmDbContext db, TicketMailFacts ticket, Guid assignee, Guid author, string body, CancellationToken cancellationToken) =>
        QueueAsync(db, assignee, author, by => TicketMails.Replied(ticket, by, body, statusMoved: false, Link(ticket.Id)), cancellationToken);

    /// <summary>The ticket page under the app's public address (ChatCrm:Email:PublicBaseUrl).</summary>
    public string Link(Guid ticketId) => $"{email.Value.PublicBaseUrl.TrimEnd('/')}/tickets/{ticketId}";

    private async Task QueueAsync(ChatCrmDbContext db, Guid recipientId, Guid actorId,
        Func<string, (string Subject, IReadOnlyList<string> Paragraphs)> compose, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.Id == recipientId || u.Id == actorId)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var recipient = people.FirstOrDefault(p => p.Id == recipientId);
        // A deleted or address-less person gets nothing; that is not a failure of the change.
        if (recipient?.Email is not { Length: > 0 } address) return;
        var by = people.FirstOrDefault(p => p.Id == actorId)?.DisplayName ?? TicketText.DeletedUser;
        var (subject, paragraphs) = compose(by);
        outbox.Add(db, EmailTemplates.Build(address, subject, recipient.DisplayName, paragraphs));
    }
}

/// <summary>The words of ticket mails.</summary>
internal static class TicketMails
{
    public static (string Subject, IReadOnlyList<string> Paragraphs) StatusChanged(TicketMailFacts ticket, string by, string link)
    {
        var status = TicketText.Status(ticket.Status);
        return ($"Ticket #{ticket.Number} is now {status}: {ticket.Subject}",
        [
            $"{by} set your ticket #{ticket.Number} \"{ticket.Subject}\" to {status}.",
            Closing(ticket.Status),
            $"Open the ticket: {link}",
        ]);
    }

    public static (string Subject, IReadOnlyList<string> Paragraphs) Replied(TicketMailFacts ticket, string by, string body, bool statusMoved, string link)
    {
        var paragraphs = new List<string> { $"{by} replied on ticket #{ticket.Number} \"{ticket.Subject}\":" };
        // One paragraph per line of the reply, so its line breaks survive in the HTML body too.
        paragraphs.AddRange(body.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).Select(l => "» " + l.TrimEnd()));
        if (statusMoved) paragraphs.Add($"The ticket is now {TicketText.Status(ticket.Status)}.");
        paragraphs.Add($"Read the whole conversation and reply: {link}");
        return ($"New reply on ticket #{ticket.Number}: {ticket.Subject}", paragraphs);
    }

    private static string Closing(TicketStatus status) => status switch
    {
        TicketStatus.Resolved => "If the problem is not solved, reply on the ticket or reopen it.",
        TicketStatus.Closed => "The ticket is closed. If you need more help, reopen it or open a new ticket.",
        TicketStatus.Waiting => "We are waiting for your answer: please reply on the ticket.",
        _ => "We will keep you posted here.",
    };
}
