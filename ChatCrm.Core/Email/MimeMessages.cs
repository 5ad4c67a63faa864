using MimeKit;

namespace ChatCrm.Core.Email;

/// <summary>Turns a queued mail into the MIME message that goes out: text and HTML alternatives of the one template.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(OutboxMail mail, EmailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        // Throws ParseException for an address no mail server would take: a permanent failure of this one mail.
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = mail.CreatedAt;
        // The queue row's id: a mail sent again after an unclear SMTP failure is recognised as the same one by clients.
        message.MessageId = $"{mail.Id:N}@{Domain(options.FromAddress)}";
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "chatcrm.local";
    }
}
