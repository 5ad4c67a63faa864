using System.Diagnostics;
using System.Text;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that stores every mail in a maildir. Started once per test
/// collection; tests tell their mail apart by unique addresses.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime, IDisposable
{
    // The python3 on PATH may be another interpreter (pyenv) without Debian's packages; aiosmtpd is Debian's.
    private const string Python = "/usr/bin/python3";

    private readonly TempFolder _folder = new("smtp");
    private readonly StringBuilder _output = new();
    private Process? _server;

    public const string Host = "127.0.0.1";

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
        var maildir = _folder.Combine("maildir");
        Mailbox = new Mailbox(maildir);
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
                Stop();
            }
            catch (TimeoutException e)
            {
                Stop();
                throw new InvalidOperationException($"aiosmtpd did not start ({e.Message}). Is python3-aiosmtpd installed? Output:\n{Output}", e);
            }
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
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
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
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

    private void Stop()
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
