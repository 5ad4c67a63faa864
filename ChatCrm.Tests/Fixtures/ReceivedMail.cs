using MimeKit;

namespace ChatCrm.Tests.Fixtures;

/// <summary>One delivered mail, read back from the SMTP server's maildir (or the pickup folder) and decoded by MimeKit.</summary>
public sealed record ReceivedMail(string FilePath, IReadOnlyList<string> Recipients, string Subject, string TextBody, string? HtmlBody, string? MessageId)
{
    public override string ToString() => $"to {string.Join(", ", Recipients)}: \"{Subject}\"";

    public bool IsTo(string address) => Recipients.Contains(address.Trim(), StringComparer.OrdinalIgnoreCase);

    public static ReceivedMail Parse(string filePath)
    {
        var message = MimeMessage.Load(filePath);
        // The envelope recipient (aiosmtpd adds X-RcptTo) is who the mail really went to; To is the fallback.
        var envelope = message.Headers["X-RcptTo"];
        var recipients = envelope is null
            ? message.To.Mailboxes.Select(m => m.Address).ToArray()
            : envelope.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = message.TextBody ?? throw new FormatException($"{filePath} has no text/plain part.");
        return new ReceivedMail(filePath, recipients, message.Subject ?? "", text, message.HtmlBody, message.MessageId);
    }
}
