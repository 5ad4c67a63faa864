using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatCrm.Core.Email;

/// <summary>MailKit's SMTP client: TLS as configured (never downgraded), authentication when a user name is set, timeouts.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    private const int ImplicitTlsPort = 465;

    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = !smtp.StartTls ? SecureSocketOptions.None
                : smtp.Port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or OperationCanceledException or TimeoutException)
            {
                // The mails are recorded already; a QUIT that fails changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
