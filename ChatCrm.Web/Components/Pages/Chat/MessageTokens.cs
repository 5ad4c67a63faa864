using System.Text.RegularExpressions;
using ChatCrm.Core.Chat;

namespace ChatCrm.Web.Components.Pages.Chat;

public enum TextTokenKind
{
    Plain,
    Link,
    /// <summary>"@user name" of someone the message mentions.</summary>
    Mention,
    /// <summary>"@user name" of the reader.</summary>
    MentionOfReader,
}

/// <summary>A piece of message text: plain, a web link to make clickable, or a mention to highlight.</summary>
public readonly record struct TextToken(string Text, TextTokenKind Kind)
{
    public bool IsLink => Kind == TextTokenKind.Link;
}

/// <summary>
/// Splits message text into plain runs and http/https links. The page renders both as text nodes (Blazor escapes
/// them) and links as anchors whose href is the checked absolute URL, so nothing in a message can become markup or a
/// script: no javascript:, data: or relative links.
/// </summary>
public static partial class MessageTokens
{
    private const string TrailingPunctuation = ".,;:!?'\"";

    /// <param name="mentioned">The user names the message mentions (stored when it was sent): only those highlight.</param>
    /// <param name="reader">The reader's own user name, highlighted more strongly.</param>
    public static IReadOnlyList<TextToken> Split(string text, IReadOnlyCollection<string>? mentioned = null, string? reader = null)
    {
        var tokens = new List<TextToken>();
        var at = 0;
        foreach (Match match in Link().Matches(text))
        {
            var link = Trim(match.Value);
            if (!IsWebLink(link)) continue;
            if (match.Index > at) AddPlain(tokens, text[at..match.Index], mentioned, reader);
            tokens.Add(new TextToken(link, TextTokenKind.Link));
            at = match.Index + link.Length;
        }
        if (at < text.Length) AddPlain(tokens, text[at..], mentioned, reader);
        return tokens;
    }

    private static void AddPlain(List<TextToken> tokens, string run, IReadOnlyCollection<string>? mentioned, string? reader)
    {
        var at = 0;
        if (mentioned is { Count: > 0 })
        {
            foreach (var (index, length, userName) in Mentions.Find(run))
            {
                if (!mentioned.Contains(userName)) continue;
                if (index > at) tokens.Add(new TextToken(run[at..index], TextTokenKind.Plain));
                tokens.Add(new TextToken(run.Substring(index, length), userName == reader ? TextTokenKind.MentionOfReader : TextTokenKind.Mention));
                at = index + length;
            }
        }
        if (at < run.Length) tokens.Add(new TextToken(run[at..], TextTokenKind.Plain));
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
