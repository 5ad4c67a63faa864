using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The built web app as its own process on a loopback port, as an operator runs it, so a browser test can kill and
/// restart the server under an open page. Settings go in as environment variables (ChatCrm__Section__Key).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public AppProcess(IReadOnlyDictionary<string, string?> settings)
    {
        Port = FreePort.Next();
        _environment = settings.Where(s => s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        _environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _environment["Logging__LogLevel__Default"] = "Warning";
    }

    public int Port { get; }

    /// <summary>More settings, before the start (ones a test makes asynchronously, such as a database).</summary>
    public void Configure(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null) _environment.Remove(name);
            else _environment[name] = value;
        }
    }

    /// <summary>Another server with the same settings, on a port of its own (several servers, one database).</summary>
    public AppProcess Twin() => new(_environment.ToDictionary(e => e.Key, e => (string?)e.Value));

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The running server's process id (the benchmark reads its memory), or null when stopped.</summary>
    public int? ProcessId => _process?.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task StartAsync()
    {
        _process = Launch();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited at start:\n{Output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer /health within 60 s:\n{Output}");
    }

    /// <summary>
    /// Starts the app when it is meant to refuse to start (a bad setting): waits for the process to end and returns its
    /// exit code. Fails if it answers /health instead, or is still running after the timeout.
    /// </summary>
    public async Task<int> StartExpectingExitAsync(TimeSpan? timeout = null)
    {
        _process = Launch();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!_process.HasExited)
        {
            if (DateTime.UtcNow >= deadline)
            {
                Kill();
                throw new TimeoutException($"The app was expected to stop at start but still ran after {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode)
                {
                    Kill();
                    throw new InvalidOperationException($"The app was expected to stop at start but answered /health:\n{Output}");
                }
            }
            catch (HttpRequestException)
            {
                // not listening (and, as expected, never will)
            }
            await Task.Delay(200);
        }
        // The parameterless wait also waits until the redirected output has been read to its end.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output (from a position in it, e.g. the length before a restart) holds a match.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, int from = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var match = pattern.Match(Output, from);
            if (match.Success) return match;
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"The app's output has no match for /{pattern}/ after position {from}:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>A browser-like client over real HTTP: keeps cookies, does not follow redirects (tests look at them).</summary>
    public FormClient CreateFormClient()
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        return new FormClient(http, cookies);
    }

    /// <summary>Kills the server at once, as a crash or a redeploy would.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private Process Launch()
    {
        var web = WebAppFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(web, "ChatCrm.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
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

    /// <summary>The repository's root (where ChatCrm.sln is), found from the tests' own folder.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatCrm.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException("ChatCrm.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The built app: the tests run from ChatCrm.Tests/bin/(configuration)/net10.0, the app is built beside them in ChatCrm.Web/bin.</summary>
    public static string WebAppFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var folder = Path.Combine(RepositoryRoot(), "ChatCrm.Web", "bin", configuration, testBin.Name);
        return File.Exists(Path.Combine(folder, "ChatCrm.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"Build ChatCrm.Web ({configuration}) first: {folder} has no ChatCrm.Web.dll.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"app on {BaseUrl}");
}
