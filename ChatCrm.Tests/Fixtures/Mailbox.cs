using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The SMTP server's maildir, read as a queue per address: each wait hands out the next mail not yet taken. aiosmtpd
/// writes the file before it answers the DATA command, so a mail sent by an awaited call is already here when the call
/// returns; the polling only covers mail sent in the background.
/// </summary>
public sealed partial class Mailbox(string maildir)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] Subfolders = ["new", "cur"];

    private readonly Lock _gate = new();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceivedMail> _parsed = new(StringComparer.Ordinal);

    public string Folder { get; } = maildir;

    /// <summary>Waits for the next mail to the address (optionally with a subject containing some text), and takes it.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string to, string? subjectContains = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            lock (_gate)
            {
                var next = All().FirstOrDefault(m => !_taken.Contains(m.FilePath) && Matches(m, to, subjectContains));
                if (next is not null)
                {
                    _taken.Add(next.FilePath);
                    return next;
                }
            }
            if (DateTime.UtcNow >= deadline)
            {
                var seen = string.Join("; ", All().Select(m => m.ToString()));
                throw new TimeoutException($"No mail to {to}{(subjectContains is null ? "" : $" about \"{subjectContains}\"")} " +
                    $"within {(timeout ?? DefaultTimeout).TotalSeconds:0} s. The mailbox holds: {(seen.Length == 0 ? "nothing" : seen)}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the next code mail to the address and returns its code.</summary>
    public async Task<string> WaitForCodeAsync(string to, string? subjectContains = null) =>
        ExtractCode(await WaitForMailAsync(to, subjectContains));

    /// <summary>Every mail ever delivered to the address, taken or not, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> MailTo(string to) => All().Where(m => m.IsTo(to)).ToList();

    /// <summary>The single 6-digit code in the plain-text body; throws if there is none or more than one.</summary>
    public static string ExtractCode(ReceivedMail mail)
    {
        var codes = SixDigits().Matches(mail.TextBody).Select(m => m.Value).Distinct().ToList();
        return codes.Count == 1
            ? codes[0]
            : throw new FormatException($"Expected one 6-digit code in {mail}, found {codes.Count}:\n{mail.TextBody}");
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var file in Files()) File.Delete(file);
            _taken.Clear();
            _parsed.Clear();
        }
    }

    private static bool Matches(ReceivedMail mail, string to, string? subjectContains) =>
        mail.IsTo(to) && (subjectContains is null || mail.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase));

    // Maildir names start with the delivery time in seconds; the write time orders mails within one second.
    // Files appear in new/ only once complete (written to tmp/, then renamed), so a parsed file never changes.
    private List<ReceivedMail> All()
    {
        lock (_gate)
        {
            return Files().Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => _parsed.TryGetValue(f.FullName, out var mail) ? mail : _parsed[f.FullName] = ReceivedMail.Parse(f.FullName))
                .ToList();
        }
    }

    private IEnumerable<string> Files() =>
        Subfolders.Select(sub => Path.Combine(Folder, sub)).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles);

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
