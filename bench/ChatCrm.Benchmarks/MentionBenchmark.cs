using System.Diagnostics;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Mention suggestions (Core/Chat/Mentions.SuggestAsync) in a group of 100, as the composer asks for them: one call per
/// keystroke after "@", with prefixes of one to four characters that match many, few or no members. Server time per
/// call, on SQLite and PostgreSQL, each over a database that also holds 5,000 other people.
/// </summary>
internal static class MentionBenchmark
{
    private const int GroupSize = 100;
    private const int OtherPeople = 5_000;

    public static async Task<string> RunAsync(int samples)
    {
        var sqlite = await RunOnAsync("SQLite", new Dictionary<string, string?>(), samples);
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        try
        {
            return $"""
                | Mention suggestions, group of {GroupSize} ({OtherPeople:N0} other people) | calls | p50 | p95 | p99 |
                | --- | --- | --- | --- | --- |
                {sqlite}
                {await RunOnAsync("PostgreSQL", await postgres.SettingsAsync(), samples)}

                """;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<string> RunOnAsync(string engine, IReadOnlyDictionary<string, string?> settings, int samples)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-mention-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder, new Dictionary<string, string?>(settings)
            {
                ["ChatCrm:Chat:GroupMaxMembers"] = GroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var members = await core.CreatePeopleAsync("member", GroupSize, password: null);
            await core.CreatePeopleAsync("other", OtherPeople, password: null);
            var owner = members[0].Actor;
            var group = await core.Get<ConversationService>().CreateGroupAsync(owner, "Everyone", members.Skip(1).Select(m => m.Actor.UserId).ToList());
            var mentions = core.Get<Mentions>();
            // Typing "@m", "@me", "@mem", "@member4", "@x" (nobody): wide and narrow prefixes, as a person types them.
            string[] prefixes = ["m", "me", "mem", "member4", "member42", "x", "memb", "member"];
            for (var i = 0; i < 50; i++) await mentions.SuggestAsync(owner, group, prefixes[i % prefixes.Length]);
            var times = new List<double>(samples);
            for (var i = 0; i < samples; i++)
            {
                var watch = Stopwatch.StartNew();
                var found = await mentions.SuggestAsync(owner, group, prefixes[i % prefixes.Length]);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (prefixes[i % prefixes.Length] == "member4" && found.Count == 0) throw new InvalidOperationException("No suggestion for member4.");
            }
            var stats = Stats.Of(times);
            Console.WriteLine($"mentions {engine}: {stats}");
            return $"| {engine} | {stats.Count} | {Stats.Ms(stats.P50)} ms | {Stats.Ms(stats.P95)} ms | {Stats.Ms(stats.P99)} ms |";
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
