using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// HAProxy (Debian's) in front of two app servers with the repository's own deploy/haproxy.cfg, as README "Several
/// servers" runs it: cookie affinity, health checks, forwarded headers. A browser is put on a server by the affinity
/// cookie (<see cref="CookieName"/> = app1 or app2), as the balancer would have set it.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public const string CookieName = "CHATCRM_SERVER";

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private LoadBalancer(int port, Process process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<LoadBalancer> StartAsync(AppProcess first, AppProcess second)
    {
        const string HaProxy = "/usr/sbin/haproxy";
        if (!File.Exists(HaProxy)) throw new InvalidOperationException($"{HaProxy} is missing: install haproxy (scripts/test.sh does).");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(HaProxy) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // -db: in the foreground, so the test owns the process.
        foreach (var argument in new[] { "-db", "-f", Path.Combine(AppProcess.RepositoryRoot(), "deploy", "haproxy.cfg") }) start.ArgumentList.Add(argument);
        start.Environment["CHATCRM_LB_BIND"] = $"127.0.0.1:{port}";
        start.Environment["CHATCRM_APP1"] = $"127.0.0.1:{first.Port}";
        start.Environment["CHATCRM_APP2"] = $"127.0.0.1:{second.Port}";
        var balancer = new LoadBalancer(port, Process.Start(start)!);
        balancer._process.OutputDataReceived += (_, e) => balancer.Append(e.Data);
        balancer._process.ErrorDataReceived += (_, e) => balancer.Append(e.Data);
        balancer._process.BeginOutputReadLine();
        balancer._process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(port, () => balancer._process.HasExited, TimeSpan.FromSeconds(15));
        return balancer;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
