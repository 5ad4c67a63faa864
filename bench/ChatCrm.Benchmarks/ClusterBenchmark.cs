using System.Collections.Concurrent;
using System.Diagnostics;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Two servers on one PostgreSQL and one Redis (README "Several servers"), 50 senders split between them, each in a
/// one-to-one chat whose other member has a page open on both servers. Every message is then delivered twice: on the
/// sender's server (in process) and on the other (through Redis). The time from the message's creation, just before
/// its commit, to each delivery is measured on the receiving side (one machine, one clock), so the difference between
/// the two is what crossing servers adds. Run at a steady 500 messages a second, then as fast as the senders go.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<string> RunAsync(int senders, int paced, int unpaced)
    {
        var postgres = new PostgresFixture();
        var redis = new RedisFixture();
        await postgres.InitializeAsync();
        await redis.InitializeAsync();
        try
        {
            // Light loads first (what crossing costs when nothing queues), then near what one machine stores, the target's
            // 500 a second, and flat out.
            var quiet = await RunScenarioAsync(postgres, redis, senders, 4, messagesPerSecond: 20);
            var light = await RunScenarioAsync(postgres, redis, senders, paced / 5, messagesPerSecond: 100);
            var busy = await RunScenarioAsync(postgres, redis, senders, paced * 3 / 5, messagesPerSecond: 300);
            var steady = await RunScenarioAsync(postgres, redis, senders, paced, messagesPerSecond: 500);
            var flat = await RunScenarioAsync(postgres, redis, senders, unpaced, messagesPerSecond: null);
            return $"""
                | 2 servers, PostgreSQL + Redis, {senders} senders split across them | messages | stored/s | delivered/s | lost | same server p50 / p99 | other server p50 / p99 | crossing adds p50 / p99 |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                {quiet}
                {light}
                {busy}
                {steady}
                {flat}

                """;
        }
        finally
        {
            await redis.DisposeAsync();
            await postgres.DisposeAsync();
        }
    }

    private static async Task<string> RunScenarioAsync(PostgresFixture postgres, RedisFixture redis, int senders, int perSender, int? messagesPerSecond)
    {
        var settings = await postgres.SettingsAsync(redis.Settings(Guid.NewGuid().ToString("N")[..8]));
        var folders = new[] { NewFolder(), NewFolder() };
        try
        {
            await using var one = await CoreHost.StartAsync(folders[0], settings);
            await using var two = await CoreHost.StartAsync(folders[1], settings);
            var servers = new[] { one, two };
            var sendersPeople = await one.CreatePeopleAsync("s", senders, password: null);
            var receivers = await one.CreatePeopleAsync("r", senders, password: null);
            var chats = new Guid[senders];
            for (var i = 0; i < senders; i++) chats[i] = await one.Get<ConversationService>().OpenDirectAsync(sendersPeople[i].Actor, receivers[i].Actor.UserId);

            // Each receiver has a page open on both servers; latencies are kept by whether the page is on the sender's.
            var same = new ConcurrentBag<double>();
            var other = new ConcurrentBag<double>();
            // When each message reached each server's page (Stopwatch ticks): the difference is what crossing adds.
            var seen = new ConcurrentDictionary<(Guid Message, int Server), long>();
            var measuring = false;
            var subscriptions = new List<IDisposable>();
            for (var i = 0; i < senders; i++)
            {
                var senderServer = i % 2;
                for (var server = 0; server < 2; server++)
                {
                    var here = server;
                    subscriptions.Add(servers[server].Get<ChatEvents>().Subscribe(receivers[i].Actor.UserId, e =>
                    {
                        if (e is MessagePosted posted && Volatile.Read(ref measuring) && seen.TryAdd((posted.Message.Id, here), Stopwatch.GetTimestamp()))
                            (here == senderServer ? same : other).Add((DateTimeOffset.UtcNow - posted.Message.CreatedAt).TotalMilliseconds);
                        return Task.CompletedTask;
                    }));
                }
            }

            // Two seconds at the scenario's pace first, not measured: new hosts open their database connections (a
            // PostgreSQL backend each) and compile their hot paths, which at 500 a second costs the first second up to
            // 100 ms per crossing. What is measured is the steady state a running server is in.
            var interval = messagesPerSecond is { } rate ? TimeSpan.FromSeconds((double)senders / rate) : TimeSpan.Zero;
            await SendAllAsync(servers, sendersPeople, chats, Math.Max(2, (messagesPerSecond ?? 500) * 2 / senders), interval);
            await Task.Delay(500);
            Volatile.Write(ref measuring, true);

            var total = senders * perSender;
            var watch = Stopwatch.StartNew();
            await SendAllAsync(servers, sendersPeople, chats, perSender, interval);
            var stored = watch.Elapsed;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (seen.Count < total * 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
            var delivered = watch.Elapsed;
            foreach (var subscription in subscriptions) subscription.Dispose();

            var lost = total * 2 - seen.Count;
            var sameStats = Stats.Of(same.ToList());
            var otherStats = Stats.Of(other.ToList());
            var crossing = Stats.Of(seen.GroupBy(s => s.Key.Message).Where(g => g.Count() == 2)
                .Select(g => Stopwatch.GetElapsedTime(g.Min(x => x.Value), g.Max(x => x.Value)).TotalMilliseconds).ToList());
            var line = $"| {(messagesPerSecond is { } r ? $"steady {r}/s" : "as fast as they go")} | {total:N0} | {total / stored.TotalSeconds:N0} | "
                + $"{seen.Count / delivered.TotalSeconds:N0} | {lost} | {Stats.Ms(sameStats.P50)} / {Stats.Ms(sameStats.P99)} ms | "
                + $"{Stats.Ms(otherStats.P50)} / {Stats.Ms(otherStats.P99)} ms | {Stats.Ms(crossing.P50)} / {Stats.Ms(crossing.P99)} ms |";
            Console.WriteLine(line);
            return line;
        }
        finally
        {
            foreach (var folder in folders)
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>Every sender sends its messages, spaced by the interval (none: as fast as it goes); senders take turns.</summary>
    private static Task SendAllAsync(CoreHost[] servers, List<(Actor Actor, string Email)> senders, Guid[] chats, int perSender, TimeSpan interval) =>
        Task.WhenAll(Enumerable.Range(0, senders.Count).Select(i => Task.Run(async () =>
        {
            var messages = servers[i % 2].Get<MessageService>();
            var start = Stopwatch.GetTimestamp();
            for (var n = 0; n < perSender; n++)
            {
                if (interval > TimeSpan.Zero)
                {
                    // Taking turns keeps the load steady rather than every sender at once every interval.
                    var due = TimeSpan.FromTicks(interval.Ticks * n + interval.Ticks * i / senders.Count) - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero) await Task.Delay(due);
                }
                await messages.SendTextAsync(senders[i].Actor, chats[i], $"Message {n} from sender {i}");
            }
        })));

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "chatcrm-bench-cluster-" + Guid.NewGuid().ToString("N"));
}
