using System.Diagnostics;
using ChatCrm.Core.Data;
using Npgsql;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temp folder, on a free loopback port with trust auth. Started once per test
/// collection; each test asks for its own fresh database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime, IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";

    private readonly TempFolder _folder = new("postgres");
    private int _databases;
    private bool _started;

    public int Port { get; private set; }

    private string DataDir => _folder.Combine("data");

    // PostgreSQL refuses to run as root; as root the folder goes to the postgres account and the tools run as it.
    private static bool IsRoot => Environment.UserName == "root";

    public Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "pg_ctl")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}/pg_ctl is missing): apt-get install postgresql (scripts/test.sh does).");
        if (IsRoot) Run("chown", ["-R", ServiceUser, _folder.Path], asServiceUser: false);
        Run(Path.Combine(Bin, "initdb"), ["-D", DataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

        for (var attempt = 1; !_started; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                StartServer();
            }
            catch (InvalidOperationException e)
            {
                // Most likely another process took the port between the check and the bind: try another, twice.
                if (attempt >= 3) throw new InvalidOperationException($"{e.Message}\nServer log:\n{ServerLog()}", e);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Stops the server as an outage would (open connections are cut); <see cref="Restart"/> brings it back.</summary>
    public void Stop()
    {
        Run(Path.Combine(Bin, "pg_ctl"), ["-D", DataDir, "-m", "fast", "-w", "stop"]);
        _started = false;
    }

    /// <summary>Starts the stopped server again on the same port, with every database as it was.</summary>
    public void Restart() => StartServer();

    private void StartServer()
    {
        // fsync off: the cluster is thrown away, durability would only cost time. More connections than the default
        // 100: every app in a collection keeps its own pool, and several-server tests run two at once.
        Run(Path.Combine(Bin, "pg_ctl"), ["-D", DataDir, "-l", _folder.Combine("server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300", "start"]);
        _started = true;
    }

    /// <summary>Settings that run ChatCrm on a new, empty database of this cluster, with a test's own settings added.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql,
            ["ConnectionStrings:ChatCrm"] = await CreateDatabaseAsync(),
        };
        return settings;
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"chatcrm_test_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ToString();

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_started)
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(Bin, "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
            _started = false;
        }
        _folder.Dispose();
    }

    private string ServerLog()
    {
        var path = _folder.Combine("server.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(none)";
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asServiceUser = true)
    {
        var viaRunuser = asServiceUser && IsRoot;
        var start = new ProcessStartInfo(viaRunuser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres account may not be allowed into the test's working directory.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (viaRunuser)
        {
            foreach (var a in new[] { "-u", ServiceUser, "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        }
    }
}
