using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>One delivered mail, read back from the SMTP server's maildir and decoded.</summary>
public sealed record ReceivedMail(string FilePath, IReadOnlyList<string> Recipients, string Subject, string TextBody, string? HtmlBody)
{
    public override string ToString() => $"to {string.Join(", ", Recipients)}: \"{Subject}\"";

    public bool IsTo(string address) => Recipients.Contains(address.Trim(), StringComparer.OrdinalIgnoreCase);

    public static ReceivedMail Parse(string filePath)
    {
        var raw = Encoding.Latin1.GetString(File.ReadAllBytes(filePath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var root = MimePart.Parse(raw);
        // The envelope recipient (aiosmtpd adds X-RcptTo) is who the mail really went to; To is the fallback.
        var recipients = Addresses(root.Header("X-RcptTo") ?? root.Header("To") ?? "");
        var text = root.Find("text/plain")?.DecodedBody() ?? throw new FormatException($"{filePath} has no text/plain part.");
        return new ReceivedMail(filePath, recipients, EncodedWords.Decode(root.Header("Subject") ?? ""), text, root.Find("text/html")?.DecodedBody());
    }

    private static string[] Addresses(string header) =>
        Regex.Matches(header, @"[^\s<>,""]+@[^\s<>,""]+").Select(m => m.Value).ToArray();
}
