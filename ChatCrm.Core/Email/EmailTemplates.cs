using System.Text.Encodings.Web;

namespace ChatCrm.Core.Email;

/// <summary>Builds the HTML and text bodies from one set of lines, so the two never drift apart.</summary>
public static class EmailTemplates
{
    public static EmailMessage Build(string to, string subject, string greetingName, IReadOnlyList<string> paragraphs, string? highlight = null)
    {
        var html = HtmlEncoder.Default;
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Hello {greetingName},").AppendLine();
        var body = new System.Text.StringBuilder();
        body.Append("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#222\">");
        body.Append("<p>Hello ").Append(html.Encode(greetingName)).Append(",</p>");
        foreach (var paragraph in paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
            body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>");
            if (highlight is not null && paragraph.EndsWith(':'))
            {
                text.AppendLine($"    {highlight}").AppendLine();
                body.Append("<p style=\"font-size:28px;letter-spacing:6px;font-weight:bold\">").Append(html.Encode(highlight)).Append("</p>");
            }
        }
        text.AppendLine("— ChatCrm");
        body.Append("<p style=\"color:#777\">— ChatCrm</p></body></html>");
        // Mail lines end in CRLF; a bare LF would be sent as "=0A" and make the raw text hard to read.
        return new EmailMessage(to, subject, text.ToString().ReplaceLineEndings("\r\n"), body.ToString());
    }
}
