using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Contacts;

public sealed record ContactTicket(Guid Id, int Number, string Subject, TicketStatus Status, TicketPriority Priority);

public sealed record ContactMeeting(Guid Id, string Title, DateTimeOffset StartAt, DateTimeOffset EndAt);

public sealed record ContactLead(Guid Id, string Name, string? Company, LeadStatus Status);

/// <summary>The client a staff member is chatting with, and what the CRM holds about them.</summary>
public sealed record ContactPanel(Guid ClientId, string Name, string? Email, IReadOnlyList<ContactTicket> OpenTickets,
    IReadOnlyList<ContactMeeting> UpcomingMeetings, ContactLead? Lead);

/// <summary>
/// The chat and the CRM together, for staff only: beside a one-to-one chat with a client, that client's open tickets,
/// upcoming meetings and the lead with the same address; from a message, a ticket for the client, prefilled; from a
/// chat, a meeting with its people. A client asking gets nothing (the panel) or a refusal (the drafts).
/// </summary>
public sealed class ChatContacts(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock)
{
    public const int ListMax = 5;

    public const string StaffOnly = "Only staff open tickets and plan meetings from a chat.";

    public const string NoClient = "That message is not from a client's chat.";

    /// <summary>The panel for a chat: null unless the actor is staff, in the chat, and it is one-to-one with a client.</summary>
    public async Task<ContactPanel?> PanelAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsStaff) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await (
            from c in db.Conversations
            where c.Id == conversationId && c.Kind == ConversationKind.Direct && c.Participants.Any(p => p.UserId == actor.UserId)
            from p in c.Participants
            where p.UserId != actor.UserId
            join u in PeopleByRole.Clients(db) on p.UserId equals u.Id
            select new { u.Id, u.DisplayName, u.Email, u.NormalizedEmail }).FirstOrDefaultAsync(cancellationToken);
        if (client is null) return null;

        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.RequesterId == client.Id && !TicketQueries.DoneStatuses.Contains(t.Status))
            .OrderByDescending(t => t.UpdatedAt)
            .Select(t => new ContactTicket(t.Id, t.Number, t.Subject, t.Status, t.Priority))
            .Take(ListMax).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.EndAt > now && m.Participants.Any(p => p.ParticipantId == client.Id && p.Kind == ParticipantKind.User))
            .OrderBy(m => m.StartAt)
            .Select(m => new ContactMeeting(m.Id, m.Title, m.StartAt, m.EndAt))
            .Take(ListMax).ToListAsync(cancellationToken);
        var email = client.NormalizedEmail?.ToLowerInvariant() ?? "";
        var lead = await db.Leads.AsNoTracking()
            .Where(l => l.NormalizedEmail == email)
            .OrderByDescending(l => l.UpdatedAt)
            .Select(l => new ContactLead(l.Id, l.Name, l.Company, l.Status))
            .FirstOrDefaultAsync(cancellationToken);
        return new ContactPanel(client.Id, client.DisplayName, client.Email, open, meetings, lead);
    }

    /// <summary>
    /// A new ticket from a message, for staff: the first line as its subject, the text as its description, and the client
    /// as its requester (the message's sender if a client, else the client of a one-to-one chat).
    /// </summary>
    public async Task<(TicketDraft Draft, string RequesterName)> TicketDraftAsync(Actor actor, Guid messageId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsStaff) throw new ForbiddenException(StaffOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await (
            from m in ChatAccess.VisibleMessages(db, actor.UserId).AsNoTracking()
            where m.Id == messageId && m.DeletedAt == null
            select new { m.ConversationId, m.SenderId, m.Kind, m.Text, FileName = m.Attachment == null ? null : m.Attachment.FileName })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new ForbiddenException(MessageTargets.NotFound);
        var clients = PeopleByRole.Clients(db);
        var requester = await clients.Where(u => u.Id == message.SenderId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
            ?? await (from c in db.Conversations
                      where c.Id == message.ConversationId && c.Kind == ConversationKind.Direct
                      from p in c.Participants
                      join u in clients on p.UserId equals u.Id
                      select new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ChatRuleException(NoClient);

        var text = (message.Text ?? MessageAppender.Preview(message.Kind, null, message.FileName)).Trim();
        var firstLine = text.Split('\n', 2)[0].Trim();
        var subject = firstLine.Length <= Ticket.SubjectMax ? firstLine : firstLine[..(Ticket.SubjectMax - 1)] + "…";
        var description = text.Length <= Ticket.DescriptionMax ? text : text[..Ticket.DescriptionMax];
        return (new TicketDraft { Subject = subject, Description = description, RequesterId = requester.Id }, requester.DisplayName);
    }

    /// <summary>The people of a chat the actor is in, as meeting participants (the actor, who organizes it, aside).</summary>
    public async Task<IReadOnlyList<MeetingPerson>> MeetingPeopleAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsStaff) throw new ForbiddenException(StaffOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ChatAccess.MembershipAsync(db, actor, conversationId, cancellationToken);
        return await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == conversationId && p.LeftAt == null && p.UserId != actor.UserId
            join u in db.Users on p.UserId equals u.Id
            orderby u.DisplayName
            select new MeetingPerson(u.Id, ParticipantKind.User, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
    }
}
