using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// Just enough MIME to read what System.Net.Mail sends: nested multiparts, and base64 or quoted-printable parts in
/// any charset .NET knows. The raw text is kept as Latin-1 so each char is one original byte until decoded.
/// </summary>
internal sealed class MimePart
{
    private readonly Dictionary<string, string> _headers;
    private readonly string _body;
    private readonly List<MimePart> _children = [];

    private MimePart(Dictionary<string, string> headers, string body)
    {
        _headers = headers;
        _body = body;
        var (mediaType, parameters) = ContentType();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary))
        {
            _children.AddRange(SplitParts(body, boundary).Select(Parse));
        }
    }

    public static MimePart Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Folded headers continue on lines that start with white space.
        foreach (var line in Regex.Split(head, @"\n(?![ \t])"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = Regex.Replace(line[(colon + 1)..], @"\n[ \t]+", " ").Trim();
            headers.TryAdd(name, value);
        }
        return new MimePart(headers, body);
    }

    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>The first leaf part (depth first) of the given media type.</summary>
    public MimePart? Find(string mediaType)
    {
        if (_children.Count == 0) return ContentType().MediaType == mediaType ? this : null;
        return _children.Select(c => c.Find(mediaType)).FirstOrDefault(p => p is not null);
    }

    public string DecodedBody()
    {
        var bytes = (Header("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(Regex.Replace(_body, @"\s", "")),
            "quoted-printable" => QuotedPrintable(_body),
            _ => Encoding.Latin1.GetBytes(_body),
        };
        var charset = ContentType().Parameters.GetValueOrDefault("charset") ?? "us-ascii";
        return Encoding.GetEncoding(charset).GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    internal static byte[] QuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        var text = body.Replace("=\n", "", StringComparison.Ordinal); // soft line breaks join lines
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                output.Add(b);
                i += 2;
            }
            else
            {
                output.Add((byte)text[i]);
            }
        }
        return [.. output];
    }

    private (string MediaType, Dictionary<string, string> Parameters) ContentType()
    {
        var value = Header("Content-Type") ?? "text/plain; charset=us-ascii";
        var pieces = value.Split(';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in pieces.Skip(1))
        {
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) parameters[piece[..eq].Trim()] = piece[(eq + 1)..].Trim().Trim('"');
        }
        return (pieces[0].Trim().ToLowerInvariant(), parameters);
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var lines = body.Split('\n');
        List<string>? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter || trimmed == delimiter + "--")
            {
                if (current is not null) yield return string.Join('\n', current);
                if (trimmed != delimiter) yield break;
                current = [];
            }
            else
            {
                current?.Add(line);
            }
        }
    }
}

/// <summary>RFC 2047 words (=?utf-8?B?...?=) that System.Net.Mail uses for a non-ASCII subject.</summary>
internal static partial class EncodedWords
{
    public static string Decode(string header) =>
        // White space between two encoded words belongs to neither (RFC 2047 section 6.2).
        Word().Replace(Regex.Replace(header, @"\?=\s+=\?", "?==?"), m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var data = m.Groups["data"].Value;
            var bytes = m.Groups["kind"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(data)
                : MimePart.QuotedPrintable(data.Replace('_', ' '));
            return encoding.GetString(bytes);
        });

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<data>[^?]*)\?=")]
    private static partial Regex Word();
}
