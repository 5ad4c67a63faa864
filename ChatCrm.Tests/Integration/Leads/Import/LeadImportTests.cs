using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;

namespace ChatCrm.Tests.Integration.Leads.Import;

public sealed class LeadImportTests : LeadCsvTestBase
{
    [Fact]
    public async Task BadRowIsReportedByNumberAndReasonWhileGoodRowsAreImported()
    {
        var result = await ImportAsync("""
            Name,Email,Phone,Status,Tags
            Ann Archer,ann@example.test,+49 30 1234567,Qualified,vip; Berlin
            Bob Baker,bob@,,New,
            Cy Cole,cy@example.test,(555) 010-0199,won,a|b
            ,dee@example.test,12,Maybe,
            """);

        Assert.Equal(2, result.Created);
        Assert.Equal(2, result.FailedRows);
        Assert.Contains(result.Errors, e => e.Row == 3 && e.Column == "Email" && e.Text == "Row 3: Email 'bob@' is not a valid address.");
        Assert.Equal(["Name", "Phone", "Status"], result.Errors.Where(e => e.Row == 5).Select(e => e.Column));
        var leads = await LeadsAsync();
        Assert.Equal(["ann@example.test", "cy@example.test"], leads.Select(l => l.Email));
        var ann = leads[0];
        Assert.Equal((LeadStatus.Qualified, "+49 30 1234567"), (ann.Status, ann.Phone));
        Assert.Equal(["berlin", "vip"], ann.Tags.Select(t => t.Value).Order());
        Assert.Equal(LeadStatus.Won, leads[1].Status);
        Assert.Equal(Agent.UserId, ann.CreatedById);
        Assert.Equal("ann archer\nann@example.test\n+49 30 1234567", ann.SearchText);
        var activities = await ActivitiesAsync();
        Assert.Equal(2, activities.Count);
        Assert.All(activities, a => Assert.Equal((LeadActivityKind.Imported, Agent.UserId, "Imported from leads.csv"), (a.Kind, a.ActorId, a.Text)));
    }

    [Fact]
    public async Task DuplicatesWithinTheFileKeepTheFirstRow()
    {
        var result = await ImportAsync("Name,Email\nAnn,ann@example.test\nAnn Again,ANN@example.test \nBob,bob@example.test\n");

        Assert.Equal((2, 1), (result.Created, result.SkippedDuplicates));
        Assert.Contains("row 2", Assert.Single(result.Skipped, s => s.Row == 3).Message, StringComparison.Ordinal);
        Assert.Equal("Ann", (await LeadsAsync())[0].Name);
    }

    [Fact]
    public async Task SkipModeLeavesLeadsWithAnExistingEmailAlone()
    {
        await ImportAsync("Name,Email,Company\nAnn,ann@example.test,Old Co\n");

        var result = await ImportAsync("Name,Email,Company\nAnn New,Ann@Example.test,New Co\nBob,bob@example.test,\n");

        Assert.Equal((1, 0, 1), (result.Created, result.Updated, result.SkippedDuplicates));
        var ann = (await LeadsAsync()).Single(l => l.NormalizedEmail == "ann@example.test");
        Assert.Equal(("Ann", "Old Co", 0), (ann.Name, ann.Company, ann.Version));
    }

    [Fact]
    public async Task UpdateModeOverwritesWithNonEmptyCellsAndBumpsTheVersion()
    {
        await ImportAsync("Name,Email,Company,Phone,Tags\nAnn,ann@example.test,Old Co,030 123456,old;keep\n");

        var result = await ImportAsync("Name,Email,Company,Phone,Tags\nAnn Archer,ann@example.test,,+1 555 0100,keep;new\n", LeadDuplicateMode.Update);

        Assert.Equal((0, 1, 0), (result.Created, result.Updated, result.SkippedDuplicates));
        var ann = Assert.Single(await LeadsAsync());
        Assert.Equal(("Ann Archer", "Old Co", "+1 555 0100", 1), (ann.Name, ann.Company, ann.Phone, ann.Version));
        Assert.Equal(["keep", "new"], ann.Tags.Select(t => t.Value).Order());
        Assert.Contains("ann archer", ann.SearchText, StringComparison.Ordinal);
        Assert.Contains(await ActivitiesAsync(), a => a.Text == "Updated from leads.csv: name, phone, tags");
    }

    [Fact]
    public async Task OwnerIsFoundByTheEmailOfAnAgentOrAdminOnly()
    {
        var agentEmail = Emails[Agent.UserId].ToUpperInvariant();
        var adminEmail = Emails[Admin.UserId];
        var clientEmail = Emails[Client.UserId];

        var result = await ImportAsync($"Name,Email,Owner\nAnn,ann@example.test,{agentEmail}\nBob,bob@example.test,{adminEmail}\nCy,cy@example.test,{clientEmail}\nDee,dee@example.test,\n");

        Assert.Equal(3, result.Created);
        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "Owner"), (error.Row, error.Column));
        Assert.Contains("not the email of an agent or admin", error.Message, StringComparison.Ordinal);
        var leads = await LeadsAsync();
        Assert.Equal([Agent.UserId, Admin.UserId, null], leads.Select(l => l.OwnerId));
    }

    [Fact]
    public async Task LongValuesAndTooManyTagsAreRefusedWithTheLimit()
    {
        var tags = string.Join(';', Enumerable.Range(1, Lead.MaxTags + 1).Select(i => $"t{i}"));
        var result = await ImportAsync($"Name,Email,Company,Tags\n{new string('n', Lead.NameMax + 1)},a@example.test,,\nB,b@example.test,{new string('c', Lead.CompanyMax + 1)},\nC,c@example.test,,{tags}\n");

        Assert.Equal(0, result.Created);
        Assert.Equal([$"Name is longer than {Lead.NameMax} characters.", $"Company is longer than {Lead.CompanyMax} characters.",
            $"A lead can have at most {Lead.MaxTags} tags ({Lead.MaxTags + 1} given)."], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task MappingWithoutAnEmailColumnImportsNothing()
    {
        var csv = await ParseAsync("Name,Company\nAnn,Acme\n");

        var result = await Get<LeadImportService>().ImportAsync(Agent, csv, LeadColumnMapping.Guess(csv.Headers), new LeadImportOptions());

        Assert.False(result.Succeeded);
        Assert.Contains("email", result.Error, StringComparison.Ordinal);
        Assert.Empty(await LeadsAsync());
    }

    [Fact]
    public async Task ManyRowsAreWrittenInBatchesWithProgress()
    {
        var text = "Name,Email,Tags\n" + string.Concat(Enumerable.Range(1, 1234).Select(i => $"Person {i},p{i}@example.test,t{i % 7}\n"));
        var csv = await ParseAsync(text);
        var reports = new List<ImportProgress>();

        var result = await Get<LeadImportService>().ImportAsync(Agent, csv, LeadColumnMapping.Guess(csv.Headers), new LeadImportOptions(),
            new SynchronousProgress(reports.Add));

        Assert.Equal(1234, result.Created);
        Assert.Equal([0, 500, 1000, 1234], reports.Select(r => r.Written));
        Assert.All(reports, r => Assert.Equal(1234, r.ToWrite));
        Assert.Equal(1234, (await LeadsAsync()).Count);
    }

    [Fact]
    public async Task ClientCannotImportLeads()
    {
        var csv = await ParseAsync("Name,Email\nAnn,ann@example.test\n");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Get<LeadImportService>().ImportAsync(Client, csv, LeadColumnMapping.Guess(csv.Headers), new LeadImportOptions()));
        Assert.Empty(await LeadsAsync());
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one records in order, at once.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
