using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatCrm.Core.Email;

/// <summary>
/// Delivers the mail queue in the background, on every server. Each mail is claimed (Waiting → Sending) by a
/// conditional UPDATE before it goes out, so two servers never send one mail. A failure that may pass (server down,
/// slow, refusing for now) puts the mail back with a growing delay and pauses this server's sender; a refusal for good
/// fails the mail at once. A mail left in Sending by a crash is failed, not resent, since it may have left.
/// </summary>
public sealed partial class MailDeliveryWorker(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    IMailTransport transport,
    IEnumerable<IMailOutcomeListener> listeners,
    MailOutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    internal const string InterruptedError = "Interrupted while being handed to the mail server (the app stopped); not resent, as it may have left. Retry to send it again.";

    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _serverFailures;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    private MailOutboxOptions Outbox => options.Value.Outbox;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PassLoop.RunAsync(RunDueAsync, NextWait, signal, clock, LogPassFailed, stoppingToken);

    /// <summary>The poll interval, or the rest of the pause while the mail server is away.</summary>
    private TimeSpan NextWait()
    {
        var untilUnpaused = _pausedUntil - clock.GetUtcNow();
        var poll = TimeSpan.FromSeconds(Outbox.PollSeconds);
        return untilUnpaused > poll ? untilUnpaused : poll;
    }

    /// <summary>One pass: fails abandoned claims, forgets old sent mail, then sends everything due (unless paused).</summary>
    internal async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await FailInterruptedAsync(db, now, cancellationToken);
        await PurgeSentAsync(db, now, cancellationToken);
        if (now < _pausedUntil)
        {
            await PostponeDueAsync(db, _pausedUntil, cancellationToken);
            return;
        }

        IMailConnection? connection = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = await db.OutboxMails.AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                    .Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (due.Count == 0) break;
                foreach (var id in due)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    var result = await DeliverAsync(db, id, connection, cancellationToken);
                    connection = result.Connection;
                    if (result.ServerDown) return;
                }
                now = clock.GetUtcNow();
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private readonly record struct Delivery(IMailConnection? Connection, bool ServerDown);

    private async Task<Delivery> DeliverAsync(ChatCrmDbContext db, Guid id, IMailConnection? connection, CancellationToken cancellationToken)
    {
        var claimedAt = clock.GetUtcNow();
        // Still due: another sender may have tried it since it was listed and put it back for later.
        var claimed = await db.OutboxMails.Where(m => m.Id == id && m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= claimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, claimedAt), cancellationToken);
        if (claimed != 1) return new Delivery(connection, false);
        var mail = await db.OutboxMails.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);

        try
        {
            var message = MimeMessages.Build(mail, options.Value);
            // From the claim on, not the stopping token: a mail half handed over when the app stops is finished (the
            // client's own timeout bounds it) rather than left in doubt.
            connection ??= await transport.ConnectAsync(CancellationToken.None);
            await connection.SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailureAsync(db, mail, connection, ex);
        }

        _serverFailures = 0;
        var sentAt = clock.GetUtcNow();
        // The bodies go: a code mail's code must not outlive its delivery in the database.
        await FinishAsync(db, mail, OutboxStatus.Sent, null, sentAt, s => s
            .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, ""));
        return new Delivery(connection, false);
    }

    private async Task<Delivery> RecordFailureAsync(ChatCrmDbContext db, OutboxMail mail, IMailConnection? connection, Exception ex)
    {
        var now = clock.GetUtcNow();
        var attempts = mail.Attempts + 1;
        var permanent = IsRefusedForGood(ex);
        var serverDown = !permanent && ex is not SmtpCommandException;
        var giveUp = permanent || attempts >= Outbox.MaxAttempts;
        var error = OutboxMail.ShortError(ex is SmtpCommandException refusal ? $"SMTP {(int)refusal.StatusCode}: {ex.Message}" : $"{ex.GetType().Name}: {ex.Message}");
        var retryAt = now + RetryDelay(attempts);
        var status = giveUp ? OutboxStatus.Failed : OutboxStatus.Waiting;
        await FinishAsync(db, mail, status, error, now, s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.ClaimedAt, (DateTimeOffset?)null));
        LogSendFailed(ex, mail.Id, attempts, giveUp);

        if (!serverDown) return new Delivery(connection, false);
        // The server cannot be used at all: stop trying every mail against it, and wait before the next try. The
        // other due mails say so too (their next try moves to the end of the pause), without a try counted against them.
        _serverFailures++;
        _pausedUntil = now + RetryDelay(_serverFailures);
        await PostponeDueAsync(db, _pausedUntil, CancellationToken.None);
        if (connection is not null) await connection.DisposeAsync();
        return new Delivery(null, true);
    }

    /// <summary>While the server is away, due mail shows its real next try (the end of the pause) on the admin page.</summary>
    private static Task<int> PostponeDueAsync(ChatCrmDbContext db, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.OutboxMails.Where(m => m.Status == OutboxStatus.Waiting && m.NextAttemptAt < until)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until), cancellationToken);

    /// <summary>A refusal that a retry cannot change: an address that cannot be written, or a 5xx to this recipient or message.</summary>
    internal static bool IsRefusedForGood(Exception ex) => ex switch
    {
        ParseException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } refused => (int)refused.StatusCode >= 500,
        _ => false,
    };

    /// <summary>Doubling from the base delay up to the cap, with a little jitter so servers do not retry in step.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Min(Outbox.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 20)), Outbox.RetryMaxSeconds);
        return TimeSpan.FromSeconds(seconds * (0.9 + Random.Shared.NextDouble() * 0.2));
    }

    /// <summary>
    /// Records how a claimed mail ended (its status, its last error, and what <paramref name="more"/> sets), and tells
    /// the feature that asked (by its reference) in the same transaction. Only while the mail is still Sending: a row
    /// failed as interrupted in the meantime keeps that verdict.
    /// </summary>
    private async Task<bool> FinishAsync(ChatCrmDbContext db, OutboxMail mail, OutboxStatus outcome, string? error, DateTimeOffset at,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMail>>? more = null)
    {
        // Not the stopping token: what happened to a mail must be written even while the app stops.
        var token = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var changed = await db.OutboxMails.Where(m => m.Id == mail.Id && m.Status == OutboxStatus.Sending).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(m => m.Status, outcome).SetProperty(m => m.LastError, error);
            more?.Invoke(s);
        }, token);
        if (changed == 1 && mail.Reference is { } reference && outcome is OutboxStatus.Sent or OutboxStatus.Failed)
        {
            foreach (var listener in listeners) await listener.RecordAsync(db, reference, outcome, error, at, token);
        }
        await transaction.CommitAsync(token);
        return changed == 1;
    }

    private async Task FailInterruptedAsync(ChatCrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Far longer than any SMTP timeout, so a claim another server is working on right now is never touched.
        var abandonedBefore = now.AddMinutes(-Outbox.SendingLeaseMinutes);
        var abandoned = await db.OutboxMails.AsNoTracking().Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < abandonedBefore)
            .Take(BatchSize).ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var mail in abandoned)
        {
            if (await FinishAsync(db, mail, OutboxStatus.Failed, InterruptedError, now))
                failed++;
        }
        if (failed > 0) LogInterrupted(failed);
    }

    private async Task PurgeSentAsync(ChatCrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _lastPurge < TimeSpan.FromHours(1)) return;
        _lastPurge = now;
        var before = now.AddDays(-Outbox.SentRetentionDays);
        await db.OutboxMails.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} could not be sent (try {Attempts}; given up: {GivenUp})")]
    private partial void LogSendFailed(Exception exception, Guid mailId, int attempts, bool givenUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} mails were interrupted mid-send by a stop and are marked Failed")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail queue pass failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
