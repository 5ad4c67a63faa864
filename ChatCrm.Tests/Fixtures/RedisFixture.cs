using System.Diagnostics;
using System.Globalization;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// A real Redis (Debian's redis-server) on a free loopback port, nothing persisted. Started once per test collection;
/// each test keeps to its own keys with <see cref="Settings"/>' prefix. A test may stop it and start it again on the
/// same port (a Redis outage).
/// </summary>
public sealed class RedisFixture : IAsyncLifetime, IDisposable
{
    private const string Server = "/usr/bin/redis-server";

    private readonly TempFolder _folder = new("redis");
    private Process? _server;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Settings that make a ChatCrm one of several servers on this Redis, under a key prefix of its own test.</summary>
    public Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["ConnectionStrings:Redis"] = ConnectionString,
        ["ChatCrm:Cluster:KeyPrefix"] = $"test-{prefix}:",
        // The folder every server mounts for uploaded files.
        ["ChatCrm:UploadsDirectory"] = _folder.Combine("uploads-" + prefix),
        // The keys every server of one ChatCrm must share, made for this run as a real one comes from the environment.
        ["ChatCrm:Accounts:CodeHashKey"] = _codeHashKey,
        ["ChatCrm:Campaigns:UnsubscribeKey"] = _unsubscribeKey,
    };

    private readonly string _codeHashKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly string _unsubscribeKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server)) throw new InvalidOperationException($"{Server} is missing: install redis-server (scripts/test.sh does).");
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await StartAsync();
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAsync()
    {
        _server = Process.Start(new ProcessStartInfo(Server)
        {
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder.Path,
                "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(Port, () => _server.HasExited, TimeSpan.FromSeconds(15));
    }

    /// <summary>Stops the server at once, as a crash would (what it held is gone).</summary>
    public async Task StopAsync()
    {
        if (_server is null || _server.HasExited) return;
        _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Dispose();
    }

    public void Dispose()
    {
        _server?.Kill();
        _server?.Dispose();
        _folder.Dispose();
    }
}
