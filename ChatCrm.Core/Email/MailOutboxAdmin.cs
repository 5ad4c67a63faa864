using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Email;

/// <summary>A queued mail as the admin page lists it: never its body (a code mail's body is a live code).</summary>
public sealed record OutboxRow(Guid Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>The mail queue's state for admins: counts, a page of mails, and sending a failed mail again.</summary>
public sealed class MailOutboxAdmin(IDbContextFactory<ChatCrmDbContext> dbFactory, MailOutboxSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.OutboxMails.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>Newest first; <paramref name="status"/> narrows to one state, the search to an address or subject.</summary>
    public async Task<PagedResult<OutboxRow>> ListAsync(Actor actor, OutboxStatus? status, PageRequest page, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mails = db.OutboxMails.AsNoTracking();
        if (status is { } wanted) mails = mails.Where(m => m.Status == wanted);
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            var term = page.Search.Trim().ToUpperInvariant();
            mails = mails.Where(m => m.To.ToUpper().Contains(term) || m.Subject.ToUpper().Contains(term));
        }
        var total = await mails.CountAsync(cancellationToken);
        var rows = await mails.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxRow>(rows, total);
    }

    /// <summary>Queues a failed mail again, with a fresh count of tries.</summary>
    public async Task<Result> RetryAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        var retried = await RetryWhereAsync(m => m.Id == id, cancellationToken);
        return retried == 1 ? Result.Ok() : Result.Fail("That mail is no longer failed: it may have been sent again already.");
    }

    public async Task<int> RetryAllFailedAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        return await RetryWhereAsync(_ => true, cancellationToken);
    }

    private async Task<int> RetryWhereAsync(System.Linq.Expressions.Expression<Func<OutboxMail, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var retried = await db.OutboxMails.Where(which).Where(m => m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Waiting).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.ClaimedAt, (DateTimeOffset?)null), cancellationToken);
        if (retried > 0) signal.Wake();
        return retried;
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new ForbiddenException("Only admins can see the mail queue.");
    }
}
