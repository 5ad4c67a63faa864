using ChatCrm.Core.Data;

namespace ChatCrm.Core.Email;

/// <summary>
/// Told how a mail queued with a <see cref="OutboxMail.Reference"/> ended (Sent or Failed), in the transaction that
/// records it, so a feature's own record (a campaign recipient) never disagrees with the queue.
/// </summary>
public interface IMailOutcomeListener
{
    Task RecordAsync(ChatCrmDbContext db, string reference, OutboxStatus outcome, string? lastError, DateTimeOffset at, CancellationToken cancellationToken);
}
