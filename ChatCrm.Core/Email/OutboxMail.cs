using ChatCrm.Core.Common;

namespace ChatCrm.Core.Email;

public enum OutboxStatus
{
    /// <summary>Queued, to be sent at <see cref="OutboxMail.NextAttemptAt"/>.</summary>
    Waiting,
    /// <summary>Claimed by one server's sender, which is handing it to SMTP now.</summary>
    Sending,
    Sent,
    /// <summary>Given up: refused for good, out of tries, or interrupted mid-send. An admin can queue it again.</summary>
    Failed,
}

/// <summary>
/// One mail in the queue (the <c>mail_outbox</c> document): written in the transaction of the change that causes it,
/// delivered later by <see cref="MailDeliveryWorker"/>. The bodies are cleared once the mail is sent, since a code mail
/// carries a live code in plain text.
/// </summary>
public sealed class OutboxMail
{
    public const int AddressMax = 320;
    public const int SubjectMax = 300;
    public const int ErrorMax = 1000;
    public const int ReferenceMax = 100;

    public Guid Id { get; set; } = Ids.New();

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public OutboxStatus Status { get; set; } = OutboxStatus.Waiting;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When a sender claimed it; a mail left in Sending long after this was interrupted by a crash.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>What the mail is for, when a feature wants its outcome (<see cref="IMailOutcomeListener"/>), e.g. a campaign recipient.</summary>
    public string? Reference { get; set; }

    public static OutboxMail From(EmailMessage message, DateTimeOffset now, string? reference = null) => new()
    {
        Reference = reference,
        To = message.To.Trim(),
        Subject = message.Subject.Length <= SubjectMax ? message.Subject : message.Subject[..SubjectMax],
        TextBody = message.TextBody,
        HtmlBody = message.HtmlBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public static string? ShortError(string? error) => error is null || error.Length <= ErrorMax ? error : error[..ErrorMax];
}
