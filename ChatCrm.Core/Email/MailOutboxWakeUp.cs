using System.Data.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Core.Email;

/// <summary>
/// Wakes the mail sender once a context that queued mail has committed: after SaveChanges when no explicit
/// transaction is open, else after the commit. Waking earlier would let the sender look before the row is visible
/// and then sleep a whole poll interval.
/// </summary>
internal sealed class MailOutboxWakeUp(MailOutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        WakeIfCommitted(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void WakeIfCommitted(DbContext? context, bool committed)
    {
        if (!committed || context is not ChatCrmDbContext { QueuedMail: true } db) return;
        db.QueuedMail = false;
        signal.Wake();
    }
}
