using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using ChatCrm.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Email;

/// <summary>
/// Sends through System.Net.Mail: to the configured SMTP server, or, with no server configured, as .eml files in the
/// outbox folder (System.Net.Mail's pickup directory), so a first run needs no mail server.
/// </summary>
internal sealed partial class MailMessageSender(IOptions<EmailOptions> options, DataDirectory data, ILogger<MailMessageSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        // The outbox is read by a person opening the raw .eml, so it keeps plain 8-bit text; over SMTP,
        // quoted-printable passes any server, with or without 8BITMIME.
        var encoding = string.IsNullOrWhiteSpace(settings.Smtp.Host) ? TransferEncoding.EightBit : TransferEncoding.QuotedPrintable;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName),
            Subject = message.Subject,
            Body = message.TextBody,
            IsBodyHtml = false,
            BodyTransferEncoding = encoding,
        };
        mail.To.Add(message.To);
        var html = AlternateView.CreateAlternateViewFromString(message.HtmlBody, null, MediaTypeNames.Text.Html);
        html.TransferEncoding = encoding;
        mail.AlternateViews.Add(html);

        using var client = CreateClient(settings);
        await client.SendMailAsync(mail, cancellationToken);
        if (client.DeliveryMethod == SmtpDeliveryMethod.SpecifiedPickupDirectory)
        {
            LogWrittenToOutbox(message.To, message.Subject, client.PickupDirectoryLocation);
        }
    }

    private SmtpClient CreateClient(EmailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = data.Outbox,
            };
        }

        var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port)
        {
            EnableSsl = settings.Smtp.StartTls,
            Timeout = settings.Smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
        }
        return client;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: mail to {To} ({Subject}) written to {Folder}")]
    private partial void LogWrittenToOutbox(string to, string subject, string? folder);
}
