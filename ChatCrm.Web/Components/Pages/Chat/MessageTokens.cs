using System.Text.RegularExpressions;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>A piece of message text: plain, or a web link to make clickable.</summary>
public readonly record struct TextToken(string Text, bool IsLink);

/// <summary>
/// Splits message text into plain runs and http/https links. The page renders both as text nodes (Blazor escapes
/// them) and links as anchors whose href is the checked absolute URL, so nothing in a message can become markup or a
/// script: no javascript:, data: or relative links.
/// </summary>
public static partial class MessageTokens
{
    private const string TrailingPunctuation = ".,;:!?'\"";

    public static IReadOnlyList<TextToken> Split(string text)
    {
        var tokens = new List<TextToken>();
        var at = 0;
        foreach (Match match in Link().Matches(text))
        {
            var link = Trim(match.Value);
            if (!IsWebLink(link)) continue;
            if (match.Index > at) tokens.Add(new TextToken(text[at..match.Index], false));
            tokens.Add(new TextToken(link, true));
            at = match.Index + link.Length;
        }
        if (at < text.Length) tokens.Add(new TextToken(text[at..], false));
        return tokens;
    }

    public static bool IsWebLink(string candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    // A sentence's full stop or a closing bracket that was not opened inside the link is not part of it.
    private static string Trim(string link)
    {
        while (link.Length > 0)
        {
            var last = link[^1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal)
                || (last == ')' && link.Count(c => c == ')') > link.Count(c => c == '(')))
            {
                link = link[..^1];
                continue;
            }
            break;
        }
        return link;
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
