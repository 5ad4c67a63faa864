using System.Diagnostics;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using ChatCrm.Core.Search;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The one search (Ctrl+K, Core/Search/GlobalSearch) over 100,000 leads, 20,000 tickets, 10,000 meetings and
/// 1,000,000 messages: server time per search as the dialog asks for it, for an agent (in many busy chats) and for a
/// client (a few chats, their own tickets and meetings), with terms that match thousands of records, a few or none.
/// Each kind's part is timed on its own too, for the agent.
/// </summary>
internal static class SearchBenchmark
{
    private const int Messages = 1_000_000;

    // What people type: common words (thousands of messages and tickets), names and companies (leads), a rare order
    // number, a phrase, two letters (the shortest search), and text found nowhere.
    private static readonly string[] Terms = ["invoice", "renewal", "novak", "acme 5", "order 4821", "board meeting", "dark mode", "walsh", "sso", "zzq-none", "re", "hooli"];

    /// <param name="engines">"sqlite", "postgresql" or both (seeding takes minutes per engine).</param>
    public static async Task<string> RunAsync(IReadOnlyCollection<string> engines, int samples)
    {
        var rows = new List<string>();
        if (engines.Contains("sqlite")) rows.AddRange(await RunOnAsync("SQLite", new Dictionary<string, string?>(), samples));
        if (engines.Contains("postgresql"))
        {
            var postgres = new PostgresFixture();
            await postgres.InitializeAsync();
            try
            {
                rows.AddRange(await RunOnAsync("PostgreSQL", await postgres.SettingsAsync(), samples));
            }
            finally
            {
                await postgres.DisposeAsync();
            }
        }
        return $"""
            | Search, server time, 100,000 leads / 20,000 tickets / 10,000 meetings / {Messages:N0} messages | searches | p50 | p95 | p99 | max |
            | --- | --- | --- | --- | --- | --- |
            {string.Join(Environment.NewLine, rows)}

            """;
    }

    private static async Task<List<string>> RunOnAsync(string engine, IReadOnlyDictionary<string, string?> settings, int samples)
    {
        // CHATCRM_BENCH_KEEP=<folder> keeps the data there, and a later run on it skips generating (SQLite only).
        var keep = Environment.GetEnvironmentVariable("CHATCRM_BENCH_KEEP") is { Length: > 0 } kept && engine == "SQLite" ? kept : null;
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "chatcrm-bench-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder, settings);
            var contexts = core.Get<IDbContextFactory<ChatCrmDbContext>>();
            List<Actor> agents, clients;
            await using (var db = await contexts.CreateDbContextAsync())
            {
                if (await db.Messages.AnyAsync())
                {
                    agents = await People(db, "agent");
                    clients = await People(db, "client");
                }
                else
                {
                    (agents, clients) = await CrmDataCommand.CreatePeopleAsync(core);
                    var crmTook = await new CrmDataGenerator(contexts, TimeProvider.System).GenerateAsync(new CrmDataSize(), agents, clients);
                    var chat = await new ChatDataGenerator(contexts).GenerateAsync(Messages, agents, clients);
                    Console.WriteLine($"search {engine}: generated the CRM in {crmTook.TotalSeconds:0.0} s, {chat.Chats:N0} chats with {chat.Messages:N0} messages in {chat.Took.TotalSeconds:0.0} s");
                }
            }
            // What the app does at start-up: refresh the planner's statistics.
            await using (var db = await contexts.CreateDbContextAsync()) await DatabaseProviders.RefreshStatisticsAsync(db, CancellationToken.None);

            var search = core.Get<GlobalSearch>();
            var rows = new List<string>();
            async Task Measure(string who, Actor actor, string what, Func<Actor, string, Task<int>> call)
            {
                foreach (var term in Terms) await call(actor, term); // warm up the JIT, EF's query cache and the page cache
                var times = new List<double>(samples);
                var found = 0;
                for (var i = 0; i < samples; i++)
                {
                    var clock = Stopwatch.StartNew();
                    found += await call(actor, Terms[i % Terms.Length]);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                var stats = Stats.Of(times);
                Console.WriteLine($"search {engine}: {who,-7} {what,-16} {stats} (hits {found / (double)samples:0.0} a search)");
                rows.Add($"| {engine}: {what}, {who} | {stats.Count} | {Stats.Ms(stats.P50)} ms | {Stats.Ms(stats.P95)} ms | {Stats.Ms(stats.P99)} ms | {Stats.Ms(stats.Max)} ms |");
            }

            async Task<int> Everything(Actor actor, string term) => (await search.SearchAsync(actor, term)).Count;
            await Measure("agent", agents[0], "the one search", Everything);
            await Measure("client", clients[0], "the one search", Everything);
            // Where the time goes: each kind's part on its own (they run at once in the one search).
            foreach (var kind in Enum.GetValues<SearchKind>())
            {
                async Task<int> OneKind(Actor actor, string term) =>
                    search.Steps(actor, term).FirstOrDefault(s => s.Kind == kind) is { } step ? (await step.FindAsync(CancellationToken.None)).Count() : 0;
                await Measure("agent", agents[0], $"{kind.ToString().ToLowerInvariant()}s only", OneKind);
            }
            return rows;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static Task<List<Actor>> People(ChatCrmDbContext db, string prefix) =>
        db.Users.Where(u => u.UserName!.StartsWith(prefix)).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new Actor(u.Id, prefix == "agent" ? Roles.Agent : Roles.Client)).ToListAsync();
}
