using ChatCrm.Tests.Fixtures;
using System.Diagnostics;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Chat history with 1,000,000 messages in the database (all in the measured chat, the worst case for it): the server
/// time to open the chat (details + newest page) and to load an older page at a random depth, through the real
/// services on the real SQLite file.
/// </summary>
internal static class HistoryBenchmark
{
    public static async Task<string> RunAsync(int messageCount, int samples)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder);
            var people = await core.CreatePeopleAsync("hist", 2, TestPasswords.New());
            var chats = core.Get<ConversationService>();
            var chatId = await chats.OpenDirectAsync(people[0].Actor, people[1].Actor.UserId);

            var seedClock = Stopwatch.StartNew();
            await SeedAsync(Path.Combine(folder, "chatcrm.db"), chatId, people[0].Actor.UserId, people[1].Actor.UserId, messageCount);
            var seedSeconds = seedClock.Elapsed.TotalSeconds;

            var messages = core.Get<MessageService>();
            var reader = people[1].Actor;
            for (var i = 0; i < 20; i++) await messages.GetPageAsync(reader, chatId); // warm up caches and the JIT

            var open = new List<double>();
            var older = new List<double>();
            var random = new Random(42);
            for (var i = 0; i < samples; i++)
            {
                var clock = Stopwatch.StartNew();
                await chats.GetDetailsAsync(reader, chatId);
                var page = await messages.GetPageAsync(reader, chatId);
                open.Add(clock.Elapsed.TotalMilliseconds);
                if (page.Messages.Count != 50) throw new InvalidOperationException("The newest page is not full.");

                var before = random.NextInt64(100, messageCount);
                clock.Restart();
                var olderPage = await messages.GetPageAsync(reader, chatId, before);
                older.Add(clock.Elapsed.TotalMilliseconds);
                if (olderPage.Messages[^1].Seq != before - 1) throw new InvalidOperationException("An older page did not end just before its key.");
            }

            var openStats = Stats.Of(open);
            var olderStats = Stats.Of(older);
            Console.WriteLine($"history: seeded {messageCount:N0} messages in {seedSeconds:0.0} s");
            Console.WriteLine($"history: open chat   {openStats}");
            Console.WriteLine($"history: older page  {olderStats}");
            return $"""
                | Chat history, {messageCount:N0} messages in the database (SQLite) | p50 | p95 | p99 | max |
                | --- | --- | --- | --- | --- |
                | Open a chat (details + newest 50) | {Stats.Ms(openStats.P50)} ms | {Stats.Ms(openStats.P95)} ms | {Stats.Ms(openStats.P99)} ms | {Stats.Ms(openStats.Max)} ms |
                | Load an older page (50, by key at a random depth) | {Stats.Ms(olderStats.P50)} ms | {Stats.Ms(olderStats.P95)} ms | {Stats.Ms(olderStats.P99)} ms | {Stats.Ms(olderStats.Max)} ms |

                """;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    // Bulk insert through one prepared statement in one transaction, in the formats EF Core writes (GUIDs as upper-case
    // text, times as DateTimeOffsetToBinaryConverter numbers): a million rows in seconds, not minutes.
    private static async Task SeedAsync(string databaseFile, Guid chatId, Guid a, Guid b, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO messages ("Id", "ConversationId", "Seq", "SenderId", "Kind", "Text", "CreatedAt")
            VALUES ($id, $chat, $seq, $sender, 'Text', $text, $created)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$chat", chatId.ToString().ToUpperInvariant());
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var sender = insert.Parameters.Add("$sender", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        insert.Prepare();
        var toBinary = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        for (var i = 1; i <= count; i++)
        {
            id.Value = Ids.New().ToString().ToUpperInvariant();
            seq.Value = i;
            sender.Value = (i % 2 == 0 ? a : b).ToString().ToUpperInvariant();
            text.Value = $"Message number {i}: the quick brown fox jumps over the lazy dog.";
            created.Value = toBinary(start.AddSeconds(i * 30));
            await insert.ExecuteNonQueryAsync();
        }
        var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """UPDATE chats SET "LastSeq" = $last WHERE "Id" = $chat""";
        update.Parameters.AddWithValue("$last", count);
        update.Parameters.AddWithValue("$chat", chatId.ToString().ToUpperInvariant());
        await update.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
