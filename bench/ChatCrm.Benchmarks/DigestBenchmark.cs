using System.Diagnostics;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The digest pass (Core/Chat/ChatDigest) over 10,000 people with unread messages: 100 groups of 100 readers and one
/// sender, three messages in each, and every reader also in a one-to-one chat with one message from the sender. The
/// messages are then dated an hour back, so every reader is due at once; the pass queues one mail each.
/// </summary>
internal static class DigestBenchmark
{
    private const int Groups = 100;
    private const int ReadersPerGroup = 100;

    /// <param name="engines">"sqlite", "postgresql" or both (seeding takes several minutes per engine).</param>
    public static async Task<string> RunAsync(IReadOnlyCollection<string> engines)
    {
        var sqlite = engines.Contains("sqlite") ? await RunOnAsync("SQLite", new Dictionary<string, string?>()) : "";
        if (!engines.Contains("postgresql")) return Table(sqlite, "");
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        try
        {
            return Table(sqlite, await RunOnAsync("PostgreSQL", await postgres.SettingsAsync()));
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static string Table(string sqlite, string postgres) => $"""
        | Digest pass, {Groups * ReadersPerGroup:N0} people due (2 chats, 4 unread each) | mails queued | first pass | next pass (none due) |
        | --- | --- | --- | --- |
        {sqlite}
        {postgres}

        """;

    private static async Task<string> RunOnAsync(string engine, IReadOnlyDictionary<string, string?> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-digest-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder, new Dictionary<string, string?>(settings)
            {
                ["ChatCrm:Chat:GroupMaxMembers"] = (ReadersPerGroup + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var seeding = Stopwatch.StartNew();
            var chats = core.Get<ConversationService>();
            var messages = core.Get<MessageService>();
            var senders = await core.CreatePeopleAsync("sender", Groups, password: null);
            var readers = await core.CreatePeopleAsync("reader", Groups * ReadersPerGroup, password: null, role: Core.Accounts.Roles.Client);
            for (var g = 0; g < Groups; g++)
            {
                var sender = senders[g].Actor;
                var members = readers.Skip(g * ReadersPerGroup).Take(ReadersPerGroup).ToList();
                var group = await chats.CreateGroupAsync(sender, $"Team {g}", members.Select(m => m.Actor.UserId).ToList());
                for (var n = 1; n <= 3; n++) await messages.SendTextAsync(sender, group, $"Update {n} for team {g}: the plan for this week is in the shared folder.");
                foreach (var member in members)
                {
                    var direct = await chats.OpenDirectAsync(sender, member.Actor.UserId);
                    await messages.SendTextAsync(sender, direct, "A question for you when you have a minute");
                }
            }
            var dbFactory = core.Get<IDbContextFactory<ChatCrmDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var anHourAgo = DateTimeOffset.UtcNow.AddHours(-1);
                await db.Messages.ExecuteUpdateAsync(set => set.SetProperty(m => m.CreatedAt, anHourAgo));
            }
            Console.WriteLine($"digest {engine}: seeded in {seeding.Elapsed.TotalSeconds:N0} s");

            var digest = core.Get<ChatDigest>();
            var watch = Stopwatch.StartNew();
            var queued = await digest.SendDueAsync();
            var first = watch.Elapsed;
            watch.Restart();
            var again = await digest.SendDueAsync();
            var next = watch.Elapsed;
            if (again != 0) throw new InvalidOperationException($"The second pass queued {again} mails.");
            var line = $"| {engine} | {queued:N0} | {first.TotalSeconds:N2} s | {next.TotalMilliseconds:N0} ms |";
            Console.WriteLine(line);
            return line;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
