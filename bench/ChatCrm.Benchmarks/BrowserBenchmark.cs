using System.Globalization;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Send-to-render latency in real Chromium (from the sender's click to the message in the other person's DOM) for 1,
/// 10 and 50 chatting pairs, beside the floor (a bare WebSocket relay measured the same way in the same run), and the
/// server's memory per idle chat page from 100 open pages.
/// </summary>
internal static class BrowserBenchmark
{
    /// <summary>How a pair sends: the pause before each message, and whether the two take turns.</summary>
    internal sealed record Pace(string Name, int MinPauseMs, int MaxPauseMs, bool TakeTurns);

    // People chatting: each message answers the last one, 2–4 s after it (reading it and typing a short line), so each
    // person sends about every 6 s. The pace the 50 ms target is judged at.
    internal static readonly Pace Conversation = new("conversation (turns, 2–4 s apart)", 2000, 4000, TakeTurns: true);

    // A flood: one side sends 2–4 messages a second, non-stop. Far beyond people typing; it shows where the machine
    // runs out.
    internal static readonly Pace Burst = new("burst (one side, 250–500 ms apart)", 250, 500, TakeTurns: false);

    private static readonly string Password = TestPasswords.New();

    // One history page (ChatOptions.PageSize) of earlier messages in every pair's chat.
    private const int HistoryMessages = 50;

    private static readonly string[] HistoryLines =
    [
        "Morning! Did the quote for the Lisbon office go out?",
        "Yes, on Friday. They asked for a call this week to go through the support tiers.",
        "Great. Can you put it in the calendar and add the ticket numbers from their trial?",
        "Done, Thursday 10:00. I also attached the trial report: https://example.com/reports/trial-4411",
        "Thanks 👍",
    ];

    private static string HistoryLine(int k) => $"{HistoryLines[k % HistoryLines.Length]} ({k + 1})";

    // Records, in the receiver's page, when each token first appears in the DOM (epoch ms, sub-ms precision).
    private const string InstallObserver = """
        () => {
          window.__seen = {};
          const scan = (text, now) => { const re = /#b-[0-9-]+#/g; let m; while ((m = re.exec(text))) if (!(m[0] in window.__seen)) window.__seen[m[0]] = now; };
          new MutationObserver(records => {
            const now = performance.timeOrigin + performance.now();
            for (const r of records) {
              if (r.type === "characterData") scan(r.target.textContent || "", now);
              for (const n of r.addedNodes) scan(n.textContent || "", now);
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    // Types the token into the composer, waits for the Send button to be usable, then clicks it; returns the click time.
    private const string SendInChatCrm = """
        async token => {
          let box = null;
          for (let i = 0; i < 400 && !(box = document.querySelector('textarea[data-composer-ready]')); i++) await new Promise(r => setTimeout(r, 10));
          box.value = token;
          box.dispatchEvent(new Event("input", { bubbles: true }));
          box.dispatchEvent(new Event("change", { bubbles: true }));
          const find = () => [...document.querySelectorAll("button")].find(b => (b.getAttribute("aria-label") || b.textContent || "").trim() === "Send");
          for (let i = 0; i < 200 && (!find() || find().disabled); i++) await new Promise(r => setTimeout(r, 5));
          const t0 = performance.timeOrigin + performance.now();
          find().click();
          return t0;
        }
        """;

    private const string SendInRelay = "token => { const t0 = performance.timeOrigin + performance.now(); window.socket.send(token); return t0; }";

    /// <param name="latency">False to only weigh idle pages (the chat with a page of history, and the lead list showing
    /// 25 leads): the "memory" command, a few minutes instead of the whole run.</param>
    public static async Task<string> RunAsync(int[] pairCounts, int messagesPerPair, bool latency = true)
    {
        var maxPairs = pairCounts.Max();
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-browser-" + Guid.NewGuid().ToString("N"));
        var smtp = new SmtpServerFixture();
        var browser = new BrowserFixture();
        await smtp.InitializeAsync();
        await browser.InitializeAsync();
        try
        {
            // People and their one-to-one chats are made through the real services before the app starts.
            List<(Guid ChatId, string A, string B)> pairs = [];
            await using (var core = await CoreHost.StartAsync(folder))
            {
                var left = await core.CreatePeopleAsync("a", maxPairs, Password);
                var right = await core.CreatePeopleAsync("b", maxPairs, Password);
                var chats = core.Get<ConversationService>();
                var messages = core.Get<MessageService>();
                for (var i = 0; i < maxPairs; i++)
                {
                    var chatId = await chats.OpenDirectAsync(left[i].Actor, right[i].Actor.UserId);
                    // Two people who have chatted before: the page opens on a full page of history, as most chats do.
                    for (var k = 0; k < HistoryMessages; k++)
                        await messages.SendTextAsync(k % 2 == 0 ? left[i].Actor : right[i].Actor, chatId, HistoryLine(k));
                    pairs.Add((chatId, left[i].Email, right[i].Email));
                }
                // Enough leads that every person's lead list shows a full page (25) of them.
                await new CrmDataGenerator(core.Get<IDbContextFactory<ChatCrmDbContext>>(), TimeProvider.System)
                    .GenerateAsync(new CrmDataSize(Leads: 1_000, Tickets: 0, Meetings: 0), [.. left.Select(p => p.Actor)], []);
            }
            SqliteConnection.ClearAllPools();

            Pace[] paces = [Conversation, Burst];
            var floor = new Dictionary<(Pace, int), Stats>();
            await using (var relay = await RelayServer.StartAsync(FreePortNext()))
            {
                foreach (var pace in latency ? paces : [])
                    foreach (var n in pairCounts)
                        floor[(pace, n)] = await MeasureAsync(browser, n, messagesPerPair, pace, i => $"{relay.BaseUrl}/?pair={i}&role=a", i => $"{relay.BaseUrl}/?pair={i}&role=b", SendInRelay, null);
            }

            var settings = new Dictionary<string, string?>(smtp.Settings)
            {
                ["ChatCrm:DataDirectory"] = folder,
                ["ChatCrm:Accounts:CodesPerIpPerHour"] = "10000",
                ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "10000",
            };
            await using var app = new AppProcess(settings);
            await app.StartAsync();
            var cookies = new Dictionary<string, IReadOnlyList<Cookie>>();
            foreach (var email in pairs.SelectMany(p => new[] { p.A, p.B }))
            {
                using var client = app.CreateFormClient();
                await client.SignInAsync(email, Password, () => smtp.Mailbox.WaitForCodeAsync(email, "sign-in code"));
                cookies[email] = client.Cookies.GetAllCookies()
                    .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = "127.0.0.1", Path = "/", HttpOnly = c.HttpOnly }).ToList();
            }

            // Warm up first (JIT, caches, the first circuit): the first messages of a cold process would otherwise be
            // measured as if they were the steady state.
            await MeasureAsync(browser, 1, 10, Burst, i => $"{app.BaseUrl}/chat/{pairs[i].ChatId}", i => $"{app.BaseUrl}/chat/{pairs[i].ChatId}",
                SendInChatCrm, (i, role) => cookies[role == "a" ? pairs[i].A : pairs[i].B]);

            // 2 × n chat pages opened and left idle, weighed, then closed: a phase of its own, so the minutes it waits do
            // not change the latency run that follows (Chromium throttles pages left idle that long).
            async Task<string> WeighIdlePagesAsync(int n, string what, Func<int, string> url)
            {
                var pid = app.ProcessId!.Value;
                var before = await ServerHeap.WeighAsync(pid, () => RssBytes(pid));
                var rows = new List<string>();
                var opened = 0;
                await MeasureAsync(browser, n, messagesPerPair: 0, Burst, url, url,
                    SendInChatCrm, (i, role) => cookies[role == "a" ? pairs[i].A : pairs[i].B], async _ =>
                    {
                        if (Interlocked.Increment(ref opened) != 2 * n) return;
                        // Weighed twice: 15 s after the last page opened, and once Kestrel's keep-alive (130 s by
                        // default) has closed the HTTP/1.1 connections each page opened for its files, leaving its WebSocket.
                        foreach (var (label, wait) in new[] { ("15 s after", 15), ("about 140 s after (file connections closed)", 120) })
                        {
                            await Task.Delay(TimeSpan.FromSeconds(wait));
                            var after = await ServerHeap.WeighAsync(pid, () => RssBytes(pid));
                            double PerCircuitKb(long from, long to) => (to - from) / (2.0 * n) / 1024;
                            var managed = PerCircuitKb(before.ManagedBytes, after.ManagedBytes);
                            var resident = PerCircuitKb(before.ResidentBytes, after.ResidentBytes);
                            Console.WriteLine($"memory: {2 * n} idle {what}, {label}: managed heap {after.ManagedBytes / 1048576.0:0.0} MB, {managed:0} KB per circuit; " +
                                $"resident set {after.ResidentBytes / 1048576.0:0} MB, {resident:0} KB per circuit");
                            rows.Add($"| {label} | {after.ManagedBytes / 1048576.0:0.0} MB | {managed:0} KB | {after.ResidentBytes / 1048576.0:0} MB | {resident:0} KB |");
                            Console.WriteLine("  what grew most, per circuit:");
                            foreach (var line in after.GrowthSince(before, 2 * n, top: 25)) Console.WriteLine("  " + line);
                        }
                    });
                return $"""
                    | Server after a full GC, {2 * n} idle {what} (circuits) | managed heap (live objects) | per circuit | resident set | per circuit |
                    | --- | --- | --- | --- | --- |
                    | Before the pages opened | {before.ManagedBytes / 1048576.0:0.0} MB | | {before.ResidentBytes / 1048576.0:0} MB | |
                    {string.Join(Environment.NewLine, rows)}

                    """;
            }

            var memory = await WeighIdlePagesAsync(maxPairs, "chat pages with 50 messages", i => $"{app.BaseUrl}/chat/{pairs[i].ChatId}");
            if (!latency)
            {
                string LeadList(int _) => $"{app.BaseUrl}/leads";
                // The chat pages just closed are kept by the server as disconnected circuits for 3 minutes
                // (CircuitOptions.DisconnectedCircuitRetentionPeriod): they must be gone before the next weighing
                // starts, or their release would be subtracted from the lead lists' growth.
                await Task.Delay(TimeSpan.FromMinutes(3.5));
                // The lead list's first render (JIT, caches) is not weighed as if each page held it.
                await MeasureAsync(browser, 1, 0, Burst, LeadList, LeadList, SendInChatCrm, (i, role) => cookies[role == "a" ? pairs[i].A : pairs[i].B]);
                return memory + Environment.NewLine + await WeighIdlePagesAsync(maxPairs, "lead lists showing 25 leads", LeadList);
            }
            var chatcrm = new Dictionary<(Pace, int), Stats>();
            var cpu = new Dictionary<(Pace, int), string>();
            foreach (var pace in paces)
            {
                foreach (var n in pairCounts)
                {
                    var (serverBefore, machineBefore) = (CpuSeconds(app.ProcessId!.Value), MachineCpuSeconds());
                    var wall = System.Diagnostics.Stopwatch.StartNew();
                    chatcrm[(pace, n)] = await MeasureAsync(browser, n, messagesPerPair, pace, i => $"{app.BaseUrl}/chat/{pairs[i].ChatId}", i => $"{app.BaseUrl}/chat/{pairs[i].ChatId}",
                        SendInChatCrm, (i, role) => cookies[role == "a" ? pairs[i].A : pairs[i].B]);
                    var server = CpuSeconds(app.ProcessId!.Value) - serverBefore;
                    var machine = MachineCpuSeconds() - machineBefore;
                    cpu[(pace, n)] = $"{server / wall.Elapsed.TotalSeconds:0.00} of {machine / wall.Elapsed.TotalSeconds:0.00} busy cores";
                    Console.WriteLine($"cpu: {pace.Name}, {n} pair(s): server {server:0.0} s, whole machine {machine:0.0} s of CPU in {wall.Elapsed.TotalSeconds:0.0} s ({cpu[(pace, n)]})");
                }
            }

            var rows = string.Join("\n", paces.SelectMany(pace => pairCounts.Select(n => (pace, n))).Select(key =>
                $"| {key.pace.Name} | {key.n} | {Stats.Ms(chatcrm[key].P50)} ms | {Stats.Ms(chatcrm[key].P99)} ms | {Stats.Ms(floor[key].P50)} ms | {Stats.Ms(floor[key].P99)} ms | " +
                $"{(chatcrm[key].P50 / floor[key].P50).ToString("0.0", CultureInfo.InvariantCulture)}× | {(chatcrm[key].P99 / floor[key].P99).ToString("0.0", CultureInfo.InvariantCulture)}× | {chatcrm[key].Count} | {cpu[key]} |"));
            return $"""
                | Pace | Pairs | ChatCrm p50 | ChatCrm p99 | WebSocket floor p50 | floor p99 | ratio p50 | ratio p99 | messages | CPU while sending (server of machine) |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                {rows}

                {memory}
                """;
        }
        finally
        {
            await browser.DisposeAsync();
            await smtp.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Stats> MeasureAsync(BrowserFixture browser, int pairs, int messagesPerPair, Pace pace, Func<int, string> senderUrl, Func<int, string> receiverUrl,
        string sendScript, Func<int, string, IReadOnlyList<Cookie>>? cookiesFor, Func<IPage, Task>? afterOpen = null)
    {
        var contexts = new List<IBrowserContext>();
        try
        {
            async Task<IPage> OpenAsync(int i, string role, string url)
            {
                var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } });
                lock (contexts) contexts.Add(context);
                if (cookiesFor is not null) await context.AddCookiesAsync(cookiesFor(i, role));
                // Generous: on a machine busy with other work a page may take long to open, which the weighing does not mind.
                context.SetDefaultNavigationTimeout(180_000);
                context.SetDefaultTimeout(180_000);
                var page = await context.NewPageAsync();
                await page.GotoAsync(url);
                if (cookiesFor is not null) await page.WaitForSelectorAsync("[data-circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });
                if (afterOpen is not null) await afterOpen(page);
                return page;
            }

            var senders = new IPage[pairs];
            var receivers = new IPage[pairs];
            // Open in small batches: 100 pages starting at once on two cores would time out their own connections.
            for (var start = 0; start < pairs; start += 5)
            {
                await Task.WhenAll(Enumerable.Range(start, Math.Min(5, pairs - start)).Select(async i =>
                {
                    receivers[i] = await OpenAsync(i, "b", receiverUrl(i));
                    await receivers[i].EvaluateAsync(InstallObserver);
                    senders[i] = await OpenAsync(i, "a", senderUrl(i));
                    await senders[i].EvaluateAsync(InstallObserver);
                }));
            }

            // Tokens unique to this run, so earlier runs' messages never count; each knows which page must show it.
            var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, (IPage To, double T0)>();
            var run = Random.Shared.Next(100_000, 999_999);
            await Task.WhenAll(Enumerable.Range(0, pairs).Select(async i =>
            {
                var random = new Random(i);
                await Task.Delay(random.Next(0, pace.MaxPauseMs));
                for (var k = 0; k < messagesPerPair; k++)
                {
                    var token = $"#b-{run}-{i}-{k}#";
                    var (from, to) = pace.TakeTurns && k % 2 == 1 ? (receivers[i], senders[i]) : (senders[i], receivers[i]);
                    sent[token] = (to, await from.EvaluateAsync<double>(sendScript, token));
                    await Task.Delay(pace.MinPauseMs + random.Next(0, pace.MaxPauseMs - pace.MinPauseMs));
                }
            }));

            var latencies = new List<double>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            foreach (var page in senders.Concat(receivers))
            {
                var expected = sent.Where(s => s.Value.To == page).ToList();
                Dictionary<string, double> seen;
                do
                {
                    seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
                    if (expected.All(e => seen.ContainsKey(e.Key)) || DateTime.UtcNow > deadline) break;
                    await Task.Delay(100);
                } while (true);
                foreach (var (token, (_, t0)) in expected)
                {
                    if (seen.TryGetValue(token, out var t1)) latencies.Add(t1 - t0);
                    else Console.WriteLine($"  lost: {token} never reached its page");
                }
            }
            var stats = Stats.Of(latencies);
            if (messagesPerPair > 0) Console.WriteLine($"latency: {pace.Name}, {pairs} pair(s) via {(cookiesFor is null ? "WebSocket relay" : "ChatCrm")}: {stats}");
            return stats;
        }
        finally
        {
            foreach (var context in contexts) await context.CloseAsync();
        }
    }

    private static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    // utime + stime of one process, from /proc (clock ticks of 1/100 s on Linux).
    private static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    // All busy CPU time of the machine (user, nice, system, irq, softirq), from the first line of /proc/stat.
    private static double MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / 100.0;
    }

    private static int FreePortNext()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
