using System.Diagnostics;
using System.Text;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that stores every mail in a maildir. Started once per test
/// collection; tests tell their mail apart by unique addresses. Addresses whose local part starts with
/// <see cref="RefusedPrefix"/> or <see cref="LaterPrefix"/> are refused at RCPT (550 for good, 451 for now), as real
/// servers refuse unknown or greylisted mailboxes. A test may stop the server and start it again on the same port.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime, IDisposable
{
    // The python3 on PATH may be another interpreter (pyenv) without Debian's packages; aiosmtpd is Debian's.
    private const string Python = "/usr/bin/python3";

    private readonly TempFolder _folder = new("smtp");
    private readonly StringBuilder _output = new();
    private Process? _server;

    public const string Host = "127.0.0.1";

    /// <summary>Refused with 550 5.1.1 (no such mailbox): a refusal for good.</summary>
    public const string RefusedPrefix = "refused-";

    /// <summary>Refused with 451 4.3.0 (try again later): a refusal for now.</summary>
    public const string LaterPrefix = "later-";

    // Debian's Mailbox handler, refusing the two kinds of test address above at RCPT.
    private const string HandlerModule = """
        from aiosmtpd.handlers import Mailbox

        class Handler(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                local = address.split('@')[0]
                if local.startswith('REFUSED'):
                    return '550 5.1.1 No such mailbox here'
                if local.startswith('LATER'):
                    return '451 4.3.0 Try again later'
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    private string _maildir = "";

    public int Port { get; private set; }

    public Mailbox Mailbox { get; private set; } = null!;

    /// <summary>Configuration keys that point ChatCrm's mail sender at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ChatCrm:Email:Smtp:Host"] = Host,
        ["ChatCrm:Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ChatCrm:Email:Smtp:StartTls"] = "false",
    };

    public async Task InitializeAsync()
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: install python3-aiosmtpd (scripts/test.sh does).");
        var maildir = _maildir = _folder.Combine("maildir");
        Mailbox = new Mailbox(maildir);
        await File.WriteAllTextAsync(_folder.Combine("chatcrm_smtp.py"),
            HandlerModule.Replace("REFUSED", RefusedPrefix, StringComparison.Ordinal).Replace("LATER", LaterPrefix, StringComparison.Ordinal));
        // Another process may grab the free port between the check and aiosmtpd's bind; then try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            _server = Start(maildir);
            try
            {
                await FreePort.WaitUntilListeningAsync(Port, () => _server.HasExited, TimeSpan.FromSeconds(15));
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                StopServer();
            }
            catch (TimeoutException e)
            {
                StopServer();
                throw new InvalidOperationException($"aiosmtpd did not start ({e.Message}). Is python3-aiosmtpd installed? Output:\n{Output}", e);
            }
        }
    }

    /// <summary>Stops the server: its port refuses connections until <see cref="RestartAsync"/>.</summary>
    public void Stop() => StopServer();

    /// <summary>Starts the server again on the same port and maildir.</summary>
    public async Task RestartAsync()
    {
        StopServer();
        _server = Start(_maildir);
        await FreePort.WaitUntilListeningAsync(Port, () => _server.HasExited, TimeSpan.FromSeconds(15));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopServer();
        _folder.Dispose();
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private Process Start(string maildir)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _folder.Path;
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "chatcrm_smtp.Handler", maildir })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private void StopServer()
    {
        if (_server is null) return;
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(5000);
        }
        _server.Dispose();
        _server = null;
    }
}
