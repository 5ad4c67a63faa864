using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Leads.Import;

// Pages of two leads: every export here crosses page boundaries between leads created at the same instant.
public sealed class LeadExportTests() : LeadCsvTestBase(new Dictionary<string, string?> { ["ChatCrm:Leads:Csv:ExportPageSize"] = "2" })
{
    [Fact]
    public async Task ExportHasTheHeaderAndEveryLeadOnceOldestFirst()
    {
        await ImportAsync("Name,Email\n" + string.Concat(Enumerable.Range(1, 5).Select(i => $"P{i},p{i}@example.test\n")));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ImportAsync("Name,Email\nLate,late@example.test\n");

        var lines = (await ExportAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Name,Email,Phone,Company,Status,Source,Owner,Tags,Notes,CreatedAt,UpdatedAt", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Equal(6, lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count());
        Assert.StartsWith("Late,", lines[^1], StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[1]);
    }

    [Fact]
    public async Task ExportRespectsTheFilter()
    {
        await ImportAsync("Name,Email,Status,Tags,Source\nAnn,ann@example.test,Won,vip,Fair\nBob,bob@example.test,Won,,Web\nCy,cy@example.test,New,vip,Fair\nDee,dee@example.test,Won,vip,Fair\n");

        var text = await ExportAsync(LeadFilter.Parse("?status=Won&tag=VIP&source=Fair"));

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Ann", "Dee"], lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task CellsThatASpreadsheetWouldRunAsFormulasAreQuoted()
    {
        await ImportAsync("Name,Email,Phone,Company,Notes\n=HYPERLINK(\"http://evil.test\"),ann@example.test,+49 30 123456,@Acme,-1 is fine\n");

        var row = (await ExportAsync()).Split("\r\n")[1];

        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.test\"\")\",ann@example.test,'+49 30 123456,'@Acme,", row, StringComparison.Ordinal);
        Assert.Contains(",'-1 is fine,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImportsBackIntoAnEmptyDatabaseAsTheSameLeads()
    {
        var agentEmail = Emails[Agent.UserId];
        await ImportAsync($"""
            Name,Email,Phone,Company,Status,Source,Owner,Tags,Notes
            "Lopez, Maria",maria@example.test,+34 600 000 000,"Acme; ""Best"" Co",Qualified,Fair,{agentEmail},vip|madrid,"Line one
            line two"
            =SUM(A1),sum@example.test,,,Lost,,,,-starts with a dash
            Ann,ann@example.test,(030) 1234-567,,New,Web,,,
            """);
        var before = Snapshot(await LeadsAsync());
        var exported = await ExportAsync();

        await using (var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync()) await db.Leads.ExecuteDeleteAsync();
        var result = await ImportAsync(exported);

        Assert.Equal((3, 0), (result.Created, result.Errors.Count));
        Assert.Equal(before, Snapshot(await LeadsAsync()));
    }

    [Fact]
    public async Task ClientCannotExportLeads()
    {
        await ImportAsync("Name,Email\nAnn,ann@example.test\n");

        await Assert.ThrowsAsync<ForbiddenException>(() => ExportAsync(actor: Client));
    }

    private static List<string> Snapshot(List<Lead> leads) =>
        leads.Select(l => string.Join("|", l.Name, l.Email, l.Phone, l.Company, l.Status, l.Source, l.OwnerId, l.Notes,
            string.Join(",", l.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)))).ToList();
}
