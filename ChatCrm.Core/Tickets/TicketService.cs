using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Tickets;

/// <summary>
/// Support tickets. Rules: anyone signed in opens tickets and is their requester. A Client sees only their own tickets
/// (a guessed id of anyone else's gets the same answer as a missing one); on their own ticket they reply, mark it
/// Resolved or Closed, and reopen it, but never change its priority or assignee. Agents and Admins see and work every
/// ticket. Only Admins delete. The requester hears about status changes and staff replies by email, after the save.
/// </summary>
public sealed class TicketService(IDbContextFactory<ChatCrmDbContext> dbFactory, TicketSla sla, TicketNotifier notifier, TicketLive live, TimeProvider clock)
{
    public const int FirstNumber = 1001;

    // Two people opening tickets at once may both read the same highest number; the unique index refuses the second,
    // which then tries the next number.
    private const int NumberAttempts = 16;

    public async Task<PagedResult<TicketRow>> ListAsync(Actor actor, TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var tickets = db.Tickets.AsNoTracking().VisibleTo(actor).Apply(db, filter, actor, now);
        var total = await tickets.CountAsync(cancellationToken);
        var rows = await tickets.Sort(page.SortBy, page.Descending).Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(t => new
            {
                t.Id, t.Number, t.Subject, t.Priority, t.Status, t.RequesterId, t.AssigneeId, t.DueAt, t.CreatedAt, t.UpdatedAt,
                Requester = db.Users.Where(u => u.Id == t.RequesterId).Select(u => u.DisplayName).FirstOrDefault(),
                Assignee = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new TicketRow(r.Id, r.Number, r.Subject, r.Priority, r.Status, r.RequesterId, r.Requester ?? TicketText.DeletedUser,
            r.AssigneeId, r.AssigneeId is null ? null : r.Assignee ?? TicketText.DeletedUser, r.DueAt, r.CreatedAt, r.UpdatedAt,
            IsOverdue(r.DueAt, r.Status, now))).ToList();
        return new PagedResult<TicketRow>(items, total);
    }

    /// <summary>The ticket, or null when it does not exist or the actor may not see it.</summary>
    public async Task<TicketDetails?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Tickets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == id)
            .Select(t => new
            {
                Ticket = t,
                Requester = db.Users.Where(u => u.Id == t.RequesterId).Select(u => u.DisplayName).FirstOrDefault(),
                Assignee = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var t = row.Ticket;
        return new TicketDetails(t.Id, t.Number, t.Subject, t.Description, t.Priority, t.Status, t.RequesterId, row.Requester ?? TicketText.DeletedUser,
            t.AssigneeId, t.AssigneeId is null ? null : row.Assignee ?? TicketText.DeletedUser, t.DueAt, t.ResolvedAt, t.CreatedAt, t.UpdatedAt,
            IsOverdue(t.DueAt, t.Status, clock.GetUtcNow()), t.Version);
    }

    /// <summary>The thread, oldest first; null when the actor may not see the ticket.</summary>
    public async Task<IReadOnlyList<TicketCommentView>?> CommentsAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requester = await db.Tickets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == id).Select(t => (Guid?)t.RequesterId)
            .FirstOrDefaultAsync(cancellationToken);
        if (requester is null) return null;
        var rows = await db.TicketComments.AsNoTracking().Where(c => c.TicketId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorId, c.Body, c.CreatedAt, Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new TicketCommentView(c.Id, c.AuthorId, c.Author ?? TicketText.DeletedUser, c.AuthorId == requester, c.Body, c.CreatedAt)).ToList();
    }

    /// <summary>Opens a ticket with the actor as its requester; due by the SLA of its priority.</summary>
    public async Task<TicketCreation> CreateAsync(Actor actor, TicketDraft draft, CancellationToken cancellationToken = default)
    {
        if (TicketText.Validate(draft) is { } error) return TicketCreation.Fail(error);
        var requesterId = actor.UserId;
        if (draft.RequesterId is { } forClient && forClient != actor.UserId)
        {
            // Staff open a ticket for a client (from a chat); nobody files one in another's name otherwise.
            if (!actor.IsStaff || !await IsClientAsync(forClient, cancellationToken)) return TicketCreation.Fail(RequesterNotAClient);
            requesterId = forClient;
        }
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ticket = new Ticket
            {
                Subject = draft.Subject.Trim(),
                Description = draft.Description.Trim(),
                Priority = draft.Priority,
                Status = TicketStatus.Open,
                RequesterId = requesterId,
                DueAt = sla.DueAt(draft.Priority, now),
                CreatedAt = now,
                UpdatedAt = now,
            };
            // On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE), so creators queue; on
            // PostgreSQL two may read the same maximum, and the unique index turns the loser back for another try.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            ticket.Number = (await db.Tickets.MaxAsync(t => (int?)t.Number, cancellationToken) ?? FirstNumber - 1) + 1;
            db.Tickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await live.ChangedAsync(db, ticket.Id, ticket.RequesterId, cancellationToken);
                return new TicketCreation(true, null, ticket.Id, ticket.Number);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    public const string RequesterNotAClient = "A ticket is opened for a client account, by staff.";

    private async Task<bool> IsClientAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PeopleByRole.Clients(db).AnyAsync(u => u.Id == userId, cancellationToken);
    }

    /// <summary>
    /// Saves status, priority and assignee against the version the form loaded. Staff change all three (the assignee
    /// must be an Agent or Admin); the requester only marks their ticket Resolved or Closed, or reopens it.
    /// </summary>
    public async Task<Result> UpdateAsync(Actor actor, Guid id, TicketUpdate update, int loadedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.VisibleTo(actor).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result.Fail(TicketText.NotFound);
        db.ExpectVersion(ticket, loadedVersion);
        if (TicketText.ValidateUpdate(update).Values.FirstOrDefault() is { } invalid) return Result.Fail(invalid);
        if (!actor.IsStaff)
        {
            if (update.Priority != ticket.Priority || update.AssigneeId != ticket.AssigneeId)
                throw new ForbiddenException("Only agents can change a ticket's priority or assignee.");
            if (update.Status != ticket.Status && !RequesterMayMove(ticket.Status, update.Status))
                throw new ForbiddenException("You can mark your ticket resolved or closed, or reopen it.");
        }
        else if (update.AssigneeId is { } assignee && assignee != ticket.AssigneeId && !await IsStaffAsync(db, assignee, cancellationToken))
        {
            return Result.Fail("Assign the ticket to an agent or an admin.");
        }

        var now = clock.GetUtcNow();
        var statusChanged = update.Status != ticket.Status;
        if (update.Priority != ticket.Priority)
        {
            // The SLA runs from when the ticket was opened, not from when someone noticed it was urgent.
            ticket.Priority = update.Priority;
            ticket.DueAt = sla.DueAt(update.Priority, ticket.CreatedAt);
        }
        ticket.AssigneeId = update.AssigneeId;
        if (statusChanged) SetStatus(ticket, update.Status, now);
        ticket.UpdatedAt = now;
        if (statusChanged && actor.UserId != ticket.RequesterId)
            await notifier.StatusChangedAsync(db, Facts(ticket), actor.UserId, cancellationToken);
        await db.SaveOrConflictAsync(cancellationToken);
        await live.ChangedAsync(db, ticket.Id, ticket.RequesterId, cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Adds a reply. A staff reply on an Open ticket moves it to In progress (someone is on it); the requester's reply
    /// on a Waiting ticket moves it back to In progress (the wait is over). A comment never conflicts with an edit of
    /// the side panel: it only moves the status when the status is still the one it saw.
    /// </summary>
    public async Task<Result> CommentAsync(Actor actor, Guid id, string body, CancellationToken cancellationToken = default)
    {
        if (TicketText.ValidateComment(body) is { } error) return Result.Fail(error);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null) return Result.Fail(TicketText.NotFound);

        var byRequester = actor.UserId == ticket.RequesterId;
        TicketStatus? moveTo = (byRequester, ticket.Status) switch
        {
            (false, TicketStatus.Open) => TicketStatus.InProgress,
            (true, TicketStatus.Waiting) => TicketStatus.InProgress,
            _ => null,
        };
        var now = clock.GetUtcNow();
        var comment = new TicketComment { TicketId = id, AuthorId = actor.UserId, Body = body.Trim(), CreatedAt = now };
        var moved = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.TicketComments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            if (moveTo is { } to)
            {
                var from = ticket.Status;
                moved = await db.Tickets.Where(t => t.Id == id && t.Status == from).ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.Status, to)
                    .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken) == 1;
            }
            await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.UpdatedAt, now), cancellationToken);

            if (moved) ticket.Status = moveTo!.Value;
            if (!byRequester)
                await notifier.StaffRepliedAsync(db, Facts(ticket), actor.UserId, comment.Body, moved, cancellationToken);
            else if (ticket.AssigneeId is { } assignee && assignee != actor.UserId)
                await notifier.RequesterRepliedAsync(db, Facts(ticket), assignee, actor.UserId, comment.Body, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await live.ChangedAsync(db, id, ticket.RequesterId, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Deletes a ticket and its thread. Admins only: the thread is the record of what the client was told.</summary>
    public async Task<Result> DeleteAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin) throw new ForbiddenException("Only admins can delete tickets.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requester = await db.Tickets.Where(t => t.Id == id).Select(t => (Guid?)t.RequesterId).FirstOrDefaultAsync(cancellationToken);
        if (requester is null) return Result.Fail(TicketText.NotFound);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.TicketComments.Where(c => c.TicketId == id).ExecuteDeleteAsync(cancellationToken);
            if (await db.Tickets.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) != 1) return Result.Fail(TicketText.NotFound);
            await transaction.CommitAsync(cancellationToken);
        }
        await live.ChangedAsync(db, id, requester.Value, cancellationToken);
        return Result.Ok();
    }

    /// <summary>The people a ticket can be assigned to, for the staff side panel.</summary>
    public async Task<IReadOnlyList<TicketAssignee>> AssigneesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "ticket assignments");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PeopleByRole.Staff(db).OrderBy(u => u.DisplayName).Select(u => new TicketAssignee(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    internal static void SetStatus(Ticket ticket, TicketStatus status, DateTimeOffset now)
    {
        ticket.Status = status;
        // Resolved then Closed keeps the first resolution time; reopening clears it.
        ticket.ResolvedAt = ticket.IsDone ? ticket.ResolvedAt ?? now : null;
    }

    private static bool RequesterMayMove(TicketStatus from, TicketStatus to) => to switch
    {
        TicketStatus.Resolved or TicketStatus.Closed => true,
        TicketStatus.Open => from is TicketStatus.Resolved or TicketStatus.Closed,
        _ => false,
    };

    private static bool IsOverdue(DateTimeOffset dueAt, TicketStatus status, DateTimeOffset now) =>
        dueAt < now && status is not (TicketStatus.Resolved or TicketStatus.Closed);

    private static TicketMailFacts Facts(Ticket t) => new(t.Id, t.Number, t.Subject, t.Status, t.RequesterId);

    private static Task<bool> IsStaffAsync(ChatCrmDbContext db, Guid userId, CancellationToken cancellationToken) =>
        PeopleByRole.Staff(db).AnyAsync(u => u.Id == userId, cancellationToken);
}
