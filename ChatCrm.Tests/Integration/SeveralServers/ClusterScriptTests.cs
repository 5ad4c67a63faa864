using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.SeveralServers;

/// <summary>
/// scripts/cluster.sh, as README "Several servers" tells a person to try it: PostgreSQL, Redis, two app servers and
/// HAProxy on this machine; one server stopped, the balancer carries on with the other; everything stopped at the end.
/// </summary>
public sealed class ClusterScriptTests : IDisposable
{
    private readonly TempFolder _folder = new("cluster");
    private readonly Dictionary<string, string> _environment;
    private readonly int _balancer = FreePort.Next();

    public ClusterScriptTests()
    {
        _environment = new()
        {
            ["CHATCRM_LB_PORT"] = Port(_balancer),
            ["CHATCRM_APP1_PORT"] = Port(FreePort.Next()),
            ["CHATCRM_APP2_PORT"] = Port(FreePort.Next()),
            ["CHATCRM_PG_PORT"] = Port(FreePort.Next()),
            ["CHATCRM_REDIS_PORT"] = Port(FreePort.Next()),
            // The app the tests run against, instead of publishing one (the script's own way, which takes a minute).
            ["CHATCRM_APP_DLL"] = Path.Combine(AppProcess.WebAppFolder(), "ChatCrm.Web.dll"),
            ["CHATCRM_ADMIN_EMAIL"] = TestAddresses.New("cluster-admin"),
            ["CHATCRM_ADMIN_PASSWORD"] = TestPasswords.New(),
        };
    }

    [Fact]
    public async Task TheScriptStartsTwoServersBehindTheBalancerThatCarriesOnWhenOneStops()
    {
        try
        {
            var started = await RunAsync("start", _folder.Path);
            Assert.True(started.ExitCode == 0, started.Output);
            Assert.Contains($"ChatCrm runs at http://localhost:{_balancer}", started.Output, StringComparison.Ordinal);

            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{_balancer}") };
            using var page = await http.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // The balancer pins the browser to one server.
            Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LoadBalancer.CookieName + "=app", StringComparison.Ordinal));

            Assert.Equal(0, (await RunAsync("stop-app", "2", _folder.Path)).ExitCode);
            // Health checks every 2 s take the stopped server out; every request still gets an answer.
            await Task.Delay(TimeSpan.FromSeconds(5));
            for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }
        finally
        {
            var stopped = await RunAsync("stop", _folder.Path);
            Assert.True(stopped.ExitCode == 0, stopped.Output);
        }
        await Assert.ThrowsAsync<HttpRequestException>(() => new HttpClient().GetAsync($"http://127.0.0.1:{_balancer}/health"));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppProcess.RepositoryRoot(), "scripts", "cluster.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await errors);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _folder.Dispose();
}
