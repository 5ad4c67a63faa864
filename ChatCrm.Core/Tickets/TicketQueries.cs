using System.Globalization;
using System.Linq.Expressions;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Tickets;

/// <summary>Who may see which tickets, the list filter, and the sort orders the list offers.</summary>
internal static class TicketQueries
{
    public static readonly TicketStatus[] DoneStatuses = [TicketStatus.Resolved, TicketStatus.Closed];

    /// <summary>Staff see every ticket; a Client only the ones they asked.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Actor actor) =>
        actor.IsStaff ? tickets : tickets.Where(t => t.RequesterId == actor.UserId);

    public static IQueryable<Ticket> Overdue(this IQueryable<Ticket> tickets, DateTimeOffset now) =>
        tickets.Where(t => t.DueAt < now && !DoneStatuses.Contains(t.Status));

    public static IQueryable<Ticket> Apply(this IQueryable<Ticket> tickets, ChatCrmDbContext db, TicketFilter filter, Actor actor, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            int? number = int.TryParse(term.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (TextIndexes.CanFind(db, term))
            {
                var matching = TextIndexes.Containing(db.Tickets, "tickets", "ticket_search", term).Select(t => t.Id);
                // Without a number, no OR: the matches alone can lead the query.
                tickets = number is { } asNumber ? tickets.Where(t => t.Number == asNumber || matching.Contains(t.Id)) : tickets.Where(t => matching.Contains(t.Id));
            }
            else
            {
                // upper() on both engines (Unicode on SQLite too, SqliteConnectionSetup), as a LIKE that PostgreSQL's
                // trigram index on upper("Subject") serves (migration 0012); wildcards in the term are escaped.
                var pattern = LikePattern.Contains(term);
                tickets = tickets.Where(t => (number != null && t.Number == number) || EF.Functions.Like(t.Subject.ToUpper(), pattern, LikePattern.EscapeCharacter));
            }
        }
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }
        if (filter.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (actor.IsStaff)
        {
            tickets = filter.Assignee switch
            {
                TicketAssigneeFilter.Mine => tickets.Where(t => t.AssigneeId == actor.UserId),
                TicketAssigneeFilter.Unassigned => tickets.Where(t => t.AssigneeId == null),
                TicketAssigneeFilter.Person when filter.AssigneeId is { } person => tickets.Where(t => t.AssigneeId == person),
                _ => tickets,
            };
        }
        if (filter.OverdueOnly) tickets = tickets.Overdue(now);
        return tickets;
    }

    /// <summary>
    /// Priority and status are stored as their names, so they sort by rank through a CASE, not alphabetically.
    /// Unknown columns fall back to the most recently updated first.
    /// </summary>
    public static IQueryable<Ticket> Sort(this IQueryable<Ticket> tickets, string? column, bool descending) => (column, descending) switch
    {
        (nameof(TicketRow.Number), false) => tickets.OrderBy(t => t.Number),
        (nameof(TicketRow.Number), true) => tickets.OrderByDescending(t => t.Number),
        (nameof(TicketRow.Subject), false) => tickets.OrderBy(t => t.Subject).ThenBy(t => t.Number),
        (nameof(TicketRow.Subject), true) => tickets.OrderByDescending(t => t.Subject).ThenBy(t => t.Number),
        (nameof(TicketRow.Priority), false) => tickets.OrderBy(PriorityRank).ThenBy(t => t.DueAt),
        (nameof(TicketRow.Priority), true) => tickets.OrderByDescending(PriorityRank).ThenBy(t => t.DueAt),
        (nameof(TicketRow.Status), false) => tickets.OrderBy(StatusRank).ThenBy(t => t.DueAt),
        (nameof(TicketRow.Status), true) => tickets.OrderByDescending(StatusRank).ThenBy(t => t.DueAt),
        (nameof(TicketRow.DueAt), false) => tickets.OrderBy(t => t.DueAt).ThenBy(t => t.Number),
        (nameof(TicketRow.DueAt), true) => tickets.OrderByDescending(t => t.DueAt).ThenBy(t => t.Number),
        (nameof(TicketRow.CreatedAt), false) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Number),
        (nameof(TicketRow.CreatedAt), true) => tickets.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Number),
        (nameof(TicketRow.UpdatedAt), false) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number),
        _ => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number),
    };

    // Expressions, not methods: EF translates them into a CASE in the ORDER BY.
    private static readonly Expression<Func<Ticket, int>> PriorityRank = t =>
        t.Priority == TicketPriority.Urgent ? 4 : t.Priority == TicketPriority.High ? 3 : t.Priority == TicketPriority.Medium ? 2 : 1;

    private static readonly Expression<Func<Ticket, int>> StatusRank = t =>
        t.Status == TicketStatus.Open ? 1 : t.Status == TicketStatus.InProgress ? 2 : t.Status == TicketStatus.Waiting ? 3
            : t.Status == TicketStatus.Resolved ? 4 : 5;
}
