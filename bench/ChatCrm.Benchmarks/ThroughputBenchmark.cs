using ChatCrm.Tests.Fixtures;
using System.Collections.Concurrent;
using System.Diagnostics;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Messages per second stored and delivered with 50 concurrent senders, through MessageService and ChatEvents (what
/// every open page subscribes to), on the real SQLite file; then a count proves nothing was lost or doubled.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<string> RunAsync(int senders, int perSender)
    {
        var pairs = await RunScenarioAsync("50 one-to-one chats", senders, perSender, group: false);
        var group = await RunScenarioAsync("one group of 50", senders, perSender, group: true);
        return $"""
            | {senders} senders × {perSender} messages (SQLite) | stored/s | delivered/s | deliveries | lost |
            | --- | --- | --- | --- | --- |
            {pairs}
            {group}

            """;
    }

    private static async Task<string> RunScenarioAsync(string name, int senders, int perSender, bool group)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-throughput-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder);
            var chats = core.Get<ConversationService>();
            var messages = core.Get<MessageService>();
            var events = core.Get<ChatEvents>();
            var password = TestPasswords.New();
            var senderPeople = await core.CreatePeopleAsync("s", senders, password);
            var receivers = group ? new List<(Actor Actor, string Email)>() : await core.CreatePeopleAsync("r", senders, password);

            var chatOf = new Guid[senders];
            if (group)
            {
                var groupId = await chats.CreateGroupAsync(senderPeople[0].Actor, "Bench", senderPeople.Skip(1).Select(p => p.Actor.UserId).ToList());
                Array.Fill(chatOf, groupId);
            }
            else
            {
                for (var i = 0; i < senders; i++) chatOf[i] = await chats.OpenDirectAsync(senderPeople[i].Actor, receivers[i].Actor.UserId);
            }

            // Every member is subscribed, as their open page would be; deliveries are counted per person.
            var everyone = senderPeople.Concat(receivers).Select(p => p.Actor.UserId).ToList();
            var received = new ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>>();
            var expectedDeliveries = group ? (long)senders * perSender * senders : (long)senders * perSender * 2;
            long deliveries = 0;
            var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var subscriptions = everyone.Select(userId => events.Subscribe(userId, e =>
            {
                if (e is MessagePosted posted && posted.Message.Kind == MessageKind.Text
                    && received.GetOrAdd(userId, _ => new()).TryAdd(posted.Message.Id, 0)
                    && Interlocked.Increment(ref deliveries) == expectedDeliveries)
                {
                    allDelivered.TrySetResult();
                }
                return Task.CompletedTask;
            })).ToList();

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(senderPeople.Select((person, i) => Task.Run(async () =>
            {
                for (var n = 0; n < perSender; n++) await messages.SendTextAsync(person.Actor, chatOf[i], $"{person.Email} #{n}");
            })));
            var storedSeconds = clock.Elapsed.TotalSeconds;
            await Task.WhenAny(allDelivered.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            var deliveredSeconds = clock.Elapsed.TotalSeconds;
            subscriptions.ForEach(s => s.Dispose());

            var total = senders * perSender;
            await using var db = await core.Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
            var stored = await db.Messages.CountAsync(m => m.Kind == MessageKind.Text);
            var distinctSeqs = await db.Messages.Select(m => new { m.ConversationId, m.Seq }).Distinct().CountAsync();
            var allMessages = await db.Messages.CountAsync();
            var lost = (total - stored) + (expectedDeliveries - Interlocked.Read(ref deliveries));
            if (distinctSeqs != allMessages) throw new InvalidOperationException("Two messages share a sequence number.");

            Console.WriteLine($"throughput: {name}: stored {stored}/{total} in {storedSeconds:0.00} s ({total / storedSeconds:0} msg/s), " +
                $"delivered {deliveries}/{expectedDeliveries} in {deliveredSeconds:0.00} s, lost {lost}");
            return $"| {name} | {total / storedSeconds:0} | {deliveries / deliveredSeconds:0} | {deliveries:N0} of {expectedDeliveries:N0} | {lost} |";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
