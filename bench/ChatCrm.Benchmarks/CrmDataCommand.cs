using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// <c>crm-data &lt;data-folder&gt;</c>: fills an app data folder with the benchmark's CRM records (100,000 leads,
/// 20,000 tickets, 10,000 meetings, 20 agents, 200 clients) so the app can be started on it and looked at:
/// <c>ChatCrm__DataDirectory=&lt;data-folder&gt; dotnet run --project ChatCrm.Web</c>. The generated people sign in
/// by email code (agent0@bench.test ... agent19@, client0@ ... client199@; codes land in the outbox folder).
/// </summary>
internal static class CrmDataCommand
{
    public static async Task<int> RunAsync(string dataFolder)
    {
        await using var core = await CoreHost.StartAsync(Path.GetFullPath(dataFolder));
        await using (var db = await core.Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync())
        {
            if (await db.Leads.AnyAsync())
            {
                Console.Error.WriteLine($"{dataFolder} already has leads; use an empty data folder.");
                return 1;
            }
        }
        var (agents, clients) = await CreatePeopleAsync(core);
        var took = await new CrmDataGenerator(core.Get<IDbContextFactory<ChatCrmDbContext>>(), TimeProvider.System)
            .GenerateAsync(new CrmDataSize(), agents, clients);
        Console.WriteLine($"crm-data: generated in {took.TotalSeconds:0.0} s into {Path.GetFullPath(dataFolder)}");
        return 0;
    }

    public static async Task<(List<Actor> Agents, List<Actor> Clients)> CreatePeopleAsync(CoreHost core, CrmDataSize? size = null)
    {
        size ??= new CrmDataSize();
        var agents = (await core.CreatePeopleAsync("agent", size.Agents, password: null, Roles.Agent)).Select(p => p.Actor).ToList();
        var clients = (await core.CreatePeopleAsync("client", size.Clients, password: null, Roles.Client)).Select(p => p.Actor).ToList();
        return (agents, clients);
    }
}
