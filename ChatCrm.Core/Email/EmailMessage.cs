namespace ChatCrm.Core.Email;

/// <summary>One mail with an HTML body and its plain-text twin, made from the same template.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>Queues a mail in its own transaction; <see cref="MailOutbox"/> is the one implementation.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
