using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// Tests that run the built app as an operator does, one process per data folder, each stopped and its folder removed
/// when the test ends. The host's lifetime messages are logged, so "Application started" marks the end of what one
/// start printed (the console logger writes in order).
/// </summary>
public abstract partial class AppProcessTestBase : IAsyncLifetime
{
    private readonly List<(AppProcess App, TempFolder Data)> _apps = [];

    /// <summary>A new app process on a data folder of its own, not started yet.</summary>
    protected (AppProcess App, string DataFolder) NewApp(IReadOnlyDictionary<string, string?> settings)
    {
        var data = new TempFolder("app-process");
        var merged = new Dictionary<string, string?>(settings)
        {
            ["ChatCrm:DataDirectory"] = data.Path,
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        var app = new AppProcess(merged);
        _apps.Add((app, data));
        return (app, data.Path);
    }

    /// <summary>Starts (or restarts) the app and returns what this start printed before it was ready.</summary>
    protected static async Task<string> StartAsync(AppProcess app)
    {
        var mark = app.Output.Length;
        await app.StartAsync();
        var started = await app.WaitForOutputAsync(ApplicationStarted(), mark);
        return app.Output[mark..started.Index];
    }

    /// <summary>Kills the app as a crash or redeploy would, starts it again on the same data folder, and returns what the new start printed.</summary>
    protected static Task<string> RestartAsync(AppProcess app)
    {
        app.Kill();
        return StartAsync(app);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (app, data) in _apps)
        {
            await app.DisposeAsync();
            data.Dispose();
        }
    }

    [GeneratedRegex(@"Application started\.")]
    private static partial Regex ApplicationStarted();
}
