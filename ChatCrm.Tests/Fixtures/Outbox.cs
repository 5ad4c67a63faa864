namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The app's pickup folder (<c>&lt;DataDirectory&gt;/outbox</c>) when no SMTP server is configured: one .eml file per
/// mail, which a person opens to read the code. Read as a queue per address, like <see cref="Mailbox"/>.
/// </summary>
public sealed class Outbox(string folder)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    /// <summary>Waits for the next .eml file to the address (optionally with a subject containing some text), and takes it.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string to, string? subjectContains = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Mailbox.DefaultTimeout);
        while (true)
        {
            lock (_gate)
            {
                var next = All().FirstOrDefault(m => !_taken.Contains(m.FilePath) && m.IsTo(to)
                    && (subjectContains is null || m.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase)));
                if (next is not null)
                {
                    _taken.Add(next.FilePath);
                    return next;
                }
            }
            if (DateTime.UtcNow >= deadline)
            {
                var files = Directory.Exists(Folder) ? string.Join(", ", Directory.EnumerateFiles(Folder).Select(Path.GetFileName)) : "(no folder)";
                throw new TimeoutException($"No .eml file to {to} in {Folder} within {(timeout ?? Mailbox.DefaultTimeout).TotalSeconds:0} s. It holds: {files}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the next code mail to the address and returns its code.</summary>
    public async Task<string> WaitForCodeAsync(string to, string? subjectContains = null) =>
        Mailbox.ExtractCode(await WaitForMailAsync(to, subjectContains));

    // System.Net.Mail writes a pickup file in one go while the send is awaited; a file caught half-written (a mail
    // sent in the background) fails to parse and is simply read again on the next poll.
    private List<ReceivedMail> All()
    {
        if (!Directory.Exists(Folder)) return [];
        var mails = new List<ReceivedMail>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml").Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc))
        {
            try
            {
                mails.Add(ReceivedMail.Parse(file.FullName));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                // not complete yet
            }
        }
        return mails;
    }
}
