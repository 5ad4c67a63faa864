using MimeKit;

namespace ChatCrm.Core.Email;

/// <summary>Where queued mail is handed over: an SMTP server, or the pickup folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Opens one connection for a batch of mails; a failure here means no mail of the batch could go.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
