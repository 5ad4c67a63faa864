using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Leads.Import;

/// <summary>
/// The import writes new rows with its own prepared INSERT (BulkInsert), built from EF's model: these prove the
/// values it writes (ids, enums, times) are the ones EF reads back on PostgreSQL too.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class LeadCsvOnPostgreSqlTests(PostgresFixture postgres) : LeadCsvTestBase
{
    protected override async Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => await postgres.SettingsAsync(new Dictionary<string, string?>
    {
        ["ChatCrm:Leads:Csv:BatchSize"] = "2",
        ["ChatCrm:Leads:Csv:ExportPageSize"] = "2",
    });

    [Fact]
    public async Task ImportUpdateAndExportRoundTripOnPostgreSql()
    {
        var owner = Emails[Agent.UserId];
        var first = await ImportAsync($"Name,Email,Phone,Status,Owner,Tags\nAnn,ann@example.test,+1 555 0100,Won,{owner},vip;x\nBob,bob@,,,,\nCy,cy@example.test,,,,\n");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ImportAsync("Name,Email,Tags\nAnn Archer,ANN@example.test,vip\nDee,dee@example.test,\n", LeadDuplicateMode.Update);

        Assert.Equal((2, 1, 3), (first.Created, first.FailedRows, first.Errors.Single().Row));
        Assert.Equal((1, 1), (second.Created, second.Updated));
        var leads = await LeadsAsync();
        var ann = leads[0];
        Assert.Equal(("Ann Archer", LeadStatus.Won, Agent.UserId, 1), (ann.Name, ann.Status, ann.OwnerId, ann.Version));
        Assert.Equal(["vip"], ann.Tags.Select(t => t.Value));
        Assert.Equal(3, (await LeadsAsync()).Count(l => l.CreatedAt <= Clock.GetUtcNow()));

        var exported = await ExportAsync(LeadFilter.Parse("?tag=vip"));
        Assert.Single(exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        var all = await ExportAsync();
        await using (var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync()) await db.Leads.ExecuteDeleteAsync();
        Assert.Equal(3, (await ImportAsync(all)).Created);
        Assert.Equal(leads.Select(l => (l.Name, l.Email, l.Phone, l.Status, l.OwnerId)), (await LeadsAsync()).Select(l => (l.Name, l.Email, l.Phone, l.Status, l.OwnerId)));
    }
}
