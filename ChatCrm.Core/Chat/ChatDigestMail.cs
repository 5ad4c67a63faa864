using System.Text;
using System.Text.Encodings.Web;
using ChatCrm.Core.Email;

namespace ChatCrm.Core.Chat;

/// <summary>One chat in a digest mail: its title, how many messages wait, the first few lines and a link to it.</summary>
public sealed record DigestChat(string Title, int Unread, IReadOnlyList<string> FirstLines, string Link);

/// <summary>The digest mail: text and HTML from the same lines, with the unsubscribe link at the foot.</summary>
public static class ChatDigestMail
{
    public static EmailMessage Render(string to, string name, IReadOnlyList<DigestChat> chats, int moreChats, string unsubscribeLink, int delayMinutes)
    {
        var total = chats.Sum(c => c.Unread);
        var subject = chats.Count == 1 && moreChats == 0
            ? $"{Count(total, "unread message")} in {chats[0].Title}"
            : $"{Count(total, "unread message")} in {Count(chats.Count + moreChats, "chat")}";
        subject += moreChats > 0 ? " and more" : "";
        var intro = $"These messages have waited for you in ChatCrm for {delayMinutes} minutes or more:";
        var footer = "You get this mail when chat messages stay unread. To get no more of these mails, open:";

        var text = new StringBuilder().Append("Hello ").Append(name).Append(",\n\n").Append(intro).Append("\n\n");
        var html = HtmlEncoder.Default;
        var page = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#222\">")
            .Append("<p>Hello ").Append(html.Encode(name)).Append(",</p><p>").Append(html.Encode(intro)).Append("</p>");
        foreach (var chat in chats)
        {
            var heading = $"{chat.Title}: {chat.Unread} unread";
            text.Append(heading).Append('\n');
            page.Append("<h3 style=\"margin:16px 0 4px\">").Append(html.Encode(heading)).Append("</h3>");
            foreach (var line in chat.FirstLines)
            {
                text.Append("  ").Append(line).Append('\n');
                page.Append("<p style=\"margin:2px 0 2px 12px;color:#444\">").Append(html.Encode(line)).Append("</p>");
            }
            text.Append("  Open the chat: ").Append(chat.Link).Append("\n\n");
            page.Append("<p style=\"margin:4px 0 0 12px\"><a href=\"").Append(html.Encode(chat.Link)).Append("\">Open the chat</a></p>");
        }
        if (moreChats > 0)
        {
            var more = $"… and {Count(moreChats, "more chat")} with unread messages.";
            text.Append(more).Append("\n\n");
            page.Append("<p>").Append(html.Encode(more)).Append("</p>");
        }
        text.Append("--\n").Append(footer).Append('\n').Append(unsubscribeLink).Append('\n');
        page.Append("<p style=\"color:#777;font-size:12px\">You get this mail when chat messages stay unread. <a href=\"")
            .Append(html.Encode(unsubscribeLink)).Append("\">Unsubscribe</a> to get no more of these mails.</p></body></html>");
        // Mail lines end in CRLF; a bare LF would be sent as "=0A" and make the raw text hard to read.
        return new EmailMessage(to, subject, text.ToString().ReplaceLineEndings("\r\n"), page.ToString());
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
