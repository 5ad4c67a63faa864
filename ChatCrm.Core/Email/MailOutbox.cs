using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Email;

/// <summary>Wakes <see cref="MailDeliveryWorker"/> when a queued mail is committed.</summary>
public sealed class MailOutboxSignal : WakeSignal;

/// <summary>
/// The only way ChatCrm sends mail: a row in the queue, delivered by <see cref="MailDeliveryWorker"/>. No caller waits
/// on SMTP, and a mail exists exactly when the change that caused it was saved.
/// </summary>
public sealed class MailOutbox(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Adds the mail to the caller's context: it is committed with the caller's change by the same SaveChanges (or
    /// transaction), or not at all. The sender is woken after the commit (<see cref="MailOutboxWakeUp"/>).
    /// </summary>
    /// <param name="reference">Set when the caller's feature wants to hear how the mail ended (<see cref="IMailOutcomeListener"/>).</param>
    public void Add(ChatCrmDbContext db, EmailMessage message, string? reference = null)
    {
        db.OutboxMails.Add(OutboxMail.From(message, clock.GetUtcNow(), reference));
        db.QueuedMail = true;
    }

    /// <summary>Queues a mail that no other change goes with (a notice about something already saved, a test mail).</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
