using System.Text;
using System.Text.Encodings.Web;
using ChatCrm.Core.Email;

namespace ChatCrm.Core.Campaigns;

/// <summary>Turns a campaign's subject and plain-text body into one person's mail: text and HTML from the same lines.</summary>
public static class CampaignMail
{
    public const string NamePlaceholder = "{{name}}";

    public static EmailMessage Render(string to, string subject, string body, string name, string unsubscribeLink)
    {
        var filledSubject = Fill(subject, name).ReplaceLineEndings(" ");
        var filledBody = Fill(body, name).ReplaceLineEndings("\n").Trim();

        var text = new StringBuilder(filledBody).Append("\n\n--\n")
            .Append("You get this mail from ChatCrm. To get no more campaign mails, open:\n").Append(unsubscribeLink).Append('\n');

        // The name is filled in before encoding, so whatever a lead's name holds ends up as text, never as markup.
        var html = HtmlEncoder.Default;
        var page = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#222\">");
        foreach (var paragraph in filledBody.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            page.Append("<p>").AppendJoin("<br>", paragraph.Split('\n').Select(html.Encode)).Append("</p>");
        }
        page.Append("<p style=\"color:#777;font-size:12px\">You get this mail from ChatCrm. <a href=\"")
            .Append(html.Encode(unsubscribeLink)).Append("\">Unsubscribe</a> to get no more campaign mails.</p></body></html>");

        // Mail lines end in CRLF; a bare LF would be sent as "=0A" and make the raw text hard to read.
        return new EmailMessage(to, filledSubject, text.ToString().ReplaceLineEndings("\r\n"), page.ToString());
    }

    private static string Fill(string template, string name) =>
        template.Replace(NamePlaceholder, string.IsNullOrWhiteSpace(name) ? "there" : name.Trim(), StringComparison.OrdinalIgnoreCase);
}
