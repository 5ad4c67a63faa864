using System.Diagnostics;
using System.Text;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The CRM screens over 100,000 leads, 20,000 tickets and 10,000 meetings (<see cref="CrmDataGenerator"/>): the
/// server time of what each page asks the Core services for (a list page with its total, a search, the dashboard),
/// through the real services on the real SQLite file, and the speed of a 10,000-row CSV import into that database.
/// Rendering in the browser is not part of these numbers.
/// </summary>
internal static class CrmBenchmark
{
    private static readonly string[] SearchTerms = ["novak", "acme 5", "hana", "555 42", "ito.", "globex 1", "zzz-no-match", "walsh"];

    public static async Task<string> RunAsync(int samples)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-crm-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var core = await CoreHost.StartAsync(folder);
            var (agents, clients) = await CrmDataCommand.CreatePeopleAsync(core);
            var contexts = core.Get<IDbContextFactory<ChatCrmDbContext>>();
            var size = new CrmDataSize();
            var seedTime = await new CrmDataGenerator(contexts, TimeProvider.System).GenerateAsync(size, agents, clients);
            Console.WriteLine($"crm: generated {size.Leads:N0} leads, {size.Tickets:N0} tickets, {size.Meetings:N0} meetings in {seedTime.TotalSeconds:0.0} s");
            // What the app does at start-up: refresh the planner's statistics.
            await using (var db = await contexts.CreateDbContextAsync()) await DatabaseProviders.RefreshStatisticsAsync(db, CancellationToken.None);

            var rows = new List<(string Name, Stats Stats)>();
            async Task Measure(string name, Func<int, Task> call)
            {
                for (var i = 0; i < 10; i++) await call(i); // warm up the JIT, EF's query cache and the page cache
                var times = new List<double>(samples);
                for (var i = 0; i < samples; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await call(i);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                var stats = Stats.Of(times);
                Console.WriteLine($"crm: {name,-70} {stats}");
                rows.Add((name, stats));
            }

            var agent = agents[0];
            var client = clients[0];
            var leads = core.Get<LeadService>();
            var tickets = core.Get<TicketService>();
            var meetings = core.Get<MeetingService>();
            var dashboard = core.Get<DashboardService>();
            var now = DateTimeOffset.UtcNow;

            await Measure("Leads: status Qualified, by name, page 3 (25) + total", _ =>
                leads.ListAsync(agent, new LeadFilter { Statuses = [LeadStatus.Qualified] }, LeadSort.Name, descending: false, skip: 50, take: 25));
            await Measure("Leads: owner + status New/Contacted, newest first + total", i =>
                leads.ListAsync(agents[i % agents.Count], new LeadFilter { OwnerId = agents[i % agents.Count].UserId, Statuses = [LeadStatus.New, LeadStatus.Contacted] }));
            await Measure("Leads: tag + source + created in 90 days, by company + total", _ =>
                leads.ListAsync(agent, new LeadFilter { Tag = "vip", Source = "Referral", CreatedFrom = DateOnly.FromDateTime(now.AddDays(-90).UtcDateTime) },
                    LeadSort.Company, descending: false));
            await Measure("Leads: no filter, newest first, page 200 + total", _ =>
                leads.ListAsync(agent, new LeadFilter(), skip: 199 * 25, take: 25));
            await Measure("Leads: search (name, email, company, phone) + total", i =>
                leads.ListAsync(agent, new LeadFilter { Search = SearchTerms[i % SearchTerms.Length] }));
            await Measure("Leads: search + status filter, by name + total", i =>
                leads.ListAsync(agent, new LeadFilter { Search = SearchTerms[i % SearchTerms.Length], Statuses = [LeadStatus.Won] }, LeadSort.Name, descending: false));
            await Measure("Tickets (agent): overdue only, by due time + total", _ =>
                tickets.ListAsync(agent, new TicketFilter { OverdueOnly = true }, new PageRequest(0, 25, SortBy: nameof(TicketRow.DueAt))));
            await Measure("Tickets (agent): search subject + total", i =>
                tickets.ListAsync(agent, new TicketFilter { Search = i % 2 == 0 ? "dark mode" : "#1500" }, new PageRequest(0, 25)));
            await Measure("Tickets (client): own tickets + total", i =>
                tickets.ListAsync(clients[i % clients.Count], new TicketFilter(), new PageRequest(0, 25)));
            await Measure("Meetings (agent): one week in the calendar", i =>
                meetings.RangeAsync(agent, now.AddDays(i % 14), now.AddDays(i % 14 + 7)));
            await Measure("Meetings (agent): upcoming list page + total", _ =>
                meetings.ListAsync(agent, new PageRequest(0, 25)));
            await Measure("Dashboard (agent)", i => dashboard.GetAsync(agents[i % agents.Count]));
            await Measure("Dashboard (client)", i => dashboard.GetAsync(clients[i % clients.Count]));

            var import = await ImportAsync(core, agent);
            Console.WriteLine($"crm: import 10,000 rows: read {import.Read.TotalSeconds:0.00} s, import {import.Import.TotalSeconds:0.00} s, created {import.Created:N0}, failed {import.Failed}");

            var table = new StringBuilder();
            table.AppendLine($"| CRM, server time, {size.Leads:N0} leads / {size.Tickets:N0} tickets / {size.Meetings:N0} meetings (SQLite), {samples} samples | p50 | p95 | p99 | max |");
            table.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var (name, stats) in rows)
            {
                table.AppendLine($"| {name} | {Stats.Ms(stats.P50)} ms | {Stats.Ms(stats.P95)} ms | {Stats.Ms(stats.P99)} ms | {Stats.Ms(stats.Max)} ms |");
            }
            table.AppendLine();
            table.AppendLine("| CSV import into the same database | time |");
            table.AppendLine("| --- | --- |");
            table.AppendLine($"| Read and check a 10,000-row file ({import.Bytes / 1024:N0} KB) | {import.Read.TotalSeconds:0.00} s |");
            table.AppendLine($"| Import it (validate, de-duplicate by email against 100,000 leads, write leads, tags, timeline) | {import.Import.TotalSeconds:0.00} s |");
            table.AppendLine($"| Total: {import.Created:N0} leads created, {import.Failed} rows refused | {(import.Read + import.Import).TotalSeconds:0.00} s |");
            table.AppendLine();
            table.AppendLine($"Generating the data took {seedTime.TotalSeconds:0.0} s.");
            return table.ToString();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record ImportTiming(TimeSpan Read, TimeSpan Import, int Created, int Failed, long Bytes);

    /// <summary>A 10,000-row file as a person would bring it: new addresses, a few tags, every fifth row with an owner.</summary>
    private static async Task<ImportTiming> ImportAsync(CoreHost core, Actor agent)
    {
        var csv = new StringBuilder("Full name,E-mail,Phone,Company,Status,Source,Tags,Owner\n");
        for (var i = 0; i < 10_000; i++)
        {
            var owner = i % 5 == 0 ? "agent1@bench.test" : "";
            csv.Append($"Import Person {i},import.{i}@new-customer.example,+44 20 7946 {i % 10_000:0000},New Customer {i % 50},New,Trade fair,fair;q3,{owner}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var clock = Stopwatch.StartNew();
        var read = await core.Get<LeadCsvReader>().ReadAsync(new MemoryStream(bytes), "leads.csv");
        var parsed = read.Csv ?? throw new InvalidOperationException(read.Error);
        var mapping = LeadColumnMapping.Guess(parsed.Headers);
        var readTime = clock.Elapsed;
        clock.Restart();
        var result = await core.Get<LeadImportService>().ImportAsync(agent, parsed, mapping, new LeadImportOptions());
        var importTime = clock.Elapsed;
        if (result.Error is not null) throw new InvalidOperationException(result.Error);
        return new ImportTiming(readTime, importTime, result.Created, result.FailedRows, bytes.Length);
    }
}
