using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.Leads.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Tests.Integration.Leads;

/// <summary>
/// SQLite's lead text index (an FTS5 trigram table kept by triggers, migration 0004): the list's search goes through
/// it, it follows every way a lead's text changes, and it finds exactly what a plain "contains" finds.
/// </summary>
public sealed class LeadTextIndexTests : LeadCsvTestBase
{
    private LeadService Leads => Get<LeadService>();

    private async Task<Guid> AddAsync(string name, string? company = null, LeadStatus status = LeadStatus.New)
    {
        var saved = await Leads.CreateAsync(Agent, new LeadInput
        {
            Name = name, Email = $"lead-{Guid.NewGuid():N}"[..16] + "@example.test", Company = company, Status = status,
        });
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return saved.Id!.Value;
    }

    private async Task<List<string>> FoundAsync(string search, LeadStatus? status = null) =>
        (await Leads.ListAsync(Agent, new LeadFilter { Search = search, Statuses = status is { } s ? [s] : [] }, LeadSort.Name, descending: false, 0, 200))
        .Items.Select(r => r.Name).ToList();

    [Fact]
    public async Task TheListSearchesThroughTheIndexAndFollowsCreateEditDeleteAndImport()
    {
        var percy = await AddAsync("Percy Fifty", "Juice Bar", LeadStatus.Won);
        await AddAsync("Quinn Other", "Tea Shop");

        Core.Sql.Clear();
        Assert.Equal(["Percy Fifty"], await FoundAsync("fifty"));
        Assert.Contains(Core.Sql.Commands, c => c.Contains("MATCH", StringComparison.Ordinal) && c.Contains("\"lead_search\"", StringComparison.Ordinal));
        Assert.Equal(["Percy Fifty"], await FoundAsync("juice", LeadStatus.Won));
        Assert.Empty(await FoundAsync("juice", LeadStatus.New));

        var details = await Leads.GetAsync(Agent, percy) ?? throw new InvalidOperationException("lead missing");
        var saved = await Leads.UpdateAsync(Agent, percy, new LeadInput { Name = "Percy Sixty", Email = details.Email, Company = "Juice Bar", Status = LeadStatus.Won }, details.Version);
        Assert.True(saved.Succeeded);
        Assert.Empty(await FoundAsync("fifty"));
        Assert.Equal(["Percy Sixty"], await FoundAsync("sixty"));

        Assert.True((await Leads.DeleteAsync(Agent, percy)).Succeeded);
        Assert.Empty(await FoundAsync("sixty"));
        Assert.Empty(await FoundAsync("juice"));

        await ImportAsync("Name,Email,Company\nImported Iris,iris@example.test,Orchid Ltd\n");
        Assert.Equal(["Imported Iris"], await FoundAsync("orchid"));

        // A term under three characters has no trigram: the list scans instead and finds the same.
        Core.Sql.Clear();
        Assert.Equal(["Imported Iris", "Quinn Other"], await FoundAsync("r"));
        Assert.DoesNotContain(Core.Sql.Commands, c => c.Contains("MATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsExactlyWhatAPlainContainsFinds()
    {
        // FTS5 query syntax, quotes, LIKE wildcards, accents, other scripts and a character outside the BMP.
        string[] names =
        [
            "Ann \"The Boss\" Lee", "Bob AND Carol", "Star * Power", "Percent 100% Co", "Under_score Ltd", "Zoë Ångström",
            "Søren Kierkegaard", "Иван Петров", "李小龙 Trading", "Rocket 🚀 Labs", "O'Brien & Sons", "NEAR(x y) Corp",
        ];
        foreach (var name in names) await AddAsync(name);
        string[] terms =
        [
            "\"the boss\"", "\"the", "and carol", "and", "* power", "star *", "100%", "0% c", "under_", "r_s", "zoë", "ångström",
            "søren", "иван", "петров", "小龙 t", "🚀 lab", "o'brien", "& sons", "near(x", "x y)", "lee", "nothing here", "^ann", "col:x",
        ];
        foreach (var term in terms)
        {
            var expected = names.Where(n => n.ToLowerInvariant().Contains(term, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var found = (await FoundAsync(term)).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(found), $"'{term}': expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
        }
    }

    [Fact]
    public async Task VacuumKeepsTheIndexPointingAtTheRightLeads()
    {
        // The index is keyed by the leads table's rowid; a VACUUM must not move a lead away from its entry.
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++) ids.Add(await AddAsync($"Person {i:00} Marker{i:00}x"));
        for (var i = 0; i < 30; i += 3) Assert.True((await Leads.DeleteAsync(Agent, ids[i])).Succeeded);
        await using (var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM");
        }

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(i % 3 == 0 ? [] : [$"Person {i:00} Marker{i:00}x"], await FoundAsync($"marker{i:00}x"));
        }
    }

    [Fact]
    public async Task MigratingADatabaseThatHasLeadsIndexesThem()
    {
        using var file = new TestDatabase();
        await using var db = file.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync("20261122000003_Crm");
        db.Leads.Add(new Lead { Name = "Early Bird", Email = "early@example.test", Company = "Before Index", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch });
        foreach (var lead in db.ChangeTracker.Entries<Lead>()) lead.Entity.RefreshDerived();
        await db.SaveChangesAsync();

        await db.Database.MigrateAsync();

        Assert.Equal(1, await LeadTextIndex.CountAsync(db, "before index", limit: null, CancellationToken.None));
        Assert.Equal(["Early Bird"], await LeadTextIndex.Containing(db, "early bird").Select(l => l.Name).ToListAsync());
    }

    [Fact]
    public async Task RefreshingStatisticsLeavesTheTextIndexToPlanItsOwnQueries()
    {
        // Statistics on FTS5's shadow tables, taken while they were small, made each later write to the index slower
        // as it grew; the refresh (start-up, after an import) must leave none behind, while the leads get theirs.
        for (var i = 0; i < 5; i++) await AddAsync($"Lead {i}");
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        await DatabaseProviders.RefreshStatisticsAsync(db, CancellationToken.None);

        var analyzed = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync();
        Assert.Contains("leads", analyzed);
        Assert.DoesNotContain(analyzed, t => t.StartsWith("lead_search", StringComparison.Ordinal));
    }
}
