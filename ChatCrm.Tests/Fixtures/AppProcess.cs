using System.Diagnostics;
using System.Globalization;
using System.Text;

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

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task StartAsync()
    {
        var web = WebAppFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(web, "ChatCrm.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

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

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    // The tests run from ChatCrm.Tests/bin/<Configuration>/net10.0; the app is built beside them in ChatCrm.Web/bin.
    private static string WebAppFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatCrm.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("ChatCrm.sln not found above " + AppContext.BaseDirectory);
        var folder = Path.Combine(root.FullName, "ChatCrm.Web", "bin", configuration, testBin.Name);
        return File.Exists(Path.Combine(folder, "ChatCrm.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"Build ChatCrm.Web ({configuration}) first: {folder} has no ChatCrm.Web.dll.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"app on {BaseUrl}");
}
