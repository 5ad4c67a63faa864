using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Fixtures;

/// <summary>The app's mail queue as tests see it.</summary>
public static class QueuedMail
{
    /// <summary>
    /// Waits until the mail queue holds nothing due: every mail queued so far was handed to the server (or put back
    /// for a later try). A test then sees the whole mailbox at once, and "no mail" means none was queued, not "none
    /// yet".
    /// </summary>
    public static async Task DeliverAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var worker = services.GetRequiredService<MailDeliveryWorker>();
        var clock = services.GetRequiredService<TimeProvider>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<ChatCrmDbContext>>();
        var deadline = DateTime.UtcNow + (timeout ?? Mailbox.DefaultTimeout);
        while (true)
        {
            await worker.RunDueAsync(CancellationToken.None);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync();
            var left = await db.OutboxMails.CountAsync(m => m.Status == OutboxStatus.Sending || (m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now));
            if (left == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{left} queued mails were still due after {(timeout ?? Mailbox.DefaultTimeout).TotalSeconds:0} s.");
            await Task.Delay(20);
        }
    }
}
