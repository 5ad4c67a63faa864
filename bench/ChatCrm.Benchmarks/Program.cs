using ChatCrm.Benchmarks;

// dotnet run -c Release --project bench/ChatCrm.Benchmarks -- [history|throughput|cluster|crm|digest [sqlite|postgresql]|search [sqlite|postgresql]|mentions|browser [pairs...]|memory|all]
// Prints each result as it comes, then the Markdown tables that docs/benchmarks.md holds.
var what = args.FirstOrDefault() ?? "all";
if (what == "crm-data") return args.Length == 2 ? await CrmDataCommand.RunAsync(args[1]) : 2;
var sections = new List<string>();
if (what is "history" or "all") sections.Add(await HistoryBenchmark.RunAsync(messageCount: 1_000_000, samples: 300));
if (what is "throughput" or "all") sections.Add(await ThroughputBenchmark.RunAsync(senders: 50, perSender: 40));
if (what is "cluster" or "all") sections.Add(await ClusterBenchmark.RunAsync(senders: 50, paced: 100, unpaced: 40));
if (what is "crm" or "all") sections.Add(await CrmBenchmark.RunAsync(samples: 200));
// "digest sqlite" or "digest postgresql" runs one engine (seeding 10,000 people takes minutes on each).
if (what is "digest" or "all") sections.Add(await DigestBenchmark.RunAsync(what == "digest" && args.Length > 1 ? [args[1]] : ["sqlite", "postgresql"]));
// "search sqlite" or "search postgresql" runs one engine (generating the data takes minutes on each).
if (what is "search" or "all") sections.Add(await SearchBenchmark.RunAsync(what == "search" && args.Length > 1 ? [args[1]] : ["sqlite", "postgresql"], samples: 240));
if (what is "mentions" or "all") sections.Add(await MentionBenchmark.RunAsync(samples: 400));
// "browser 50" measures only the given pair counts (the memory figure comes with the largest).
int[] pairCounts = what == "browser" && args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [1, 10, 50];
if (what is "browser" or "all") sections.Add(await BrowserBenchmark.RunAsync(pairCounts, messagesPerPair: 20));
// Only the server's memory per idle page: 100 chat pages with history, then 100 lead lists (a few minutes).
if (what == "memory") sections.Add(await BrowserBenchmark.RunAsync([50], messagesPerPair: 0, latency: false));
if (sections.Count == 0)
{
    Console.Error.WriteLine("usage: ChatCrm.Benchmarks [history|throughput|cluster|crm|digest|search|mentions|browser|memory|all]");
    return 2;
}
Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, sections));
return 0;
