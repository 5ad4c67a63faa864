using ChatCrm.Core.Accounts;
using ChatCrm.Core.Leads;

namespace ChatCrm.Tests.Integration.Leads;

public sealed class LeadBulkTests : LeadTestBase
{
    [Fact]
    public async Task AssignOwnerChangesTheChosenLeadsAndWritesALineForEachChange()
    {
        var a = await AddAsync("A", owner: Agent.UserId);
        var b = await AddAsync("B");
        var c = await AddAsync("C", owner: OtherAgent.UserId);
        var untouched = await AddAsync("D");
        var versionOfA = (await DetailsAsync(a)).Version;

        Assert.True((await Leads.AssignOwnerAsync(Agent, [a, b, c], OtherAgent.UserId)).Succeeded);

        foreach (var id in new[] { a, b, c }) Assert.Equal(OtherAgent.UserId, (await DetailsAsync(id)).OwnerId);
        Assert.Null((await DetailsAsync(untouched)).OwnerId);
        Assert.Equal(versionOfA + 1, (await DetailsAsync(a)).Version);
        Assert.Equal("Alex Agent → Olga Agent", (await Leads.TimelineAsync(Agent, a))[0].Text);
        Assert.Equal("Unassigned → Olga Agent", (await Leads.TimelineAsync(Agent, b))[0].Text);
        Assert.Single(await Leads.TimelineAsync(Agent, c));
        Assert.True((await Leads.AssignOwnerAsync(Agent, [a], null)).Succeeded);
        Assert.Equal("Olga Agent → Unassigned", (await Leads.TimelineAsync(Agent, a))[0].Text);
    }

    [Fact]
    public async Task AssignOwnerRefusesAClientOwnerAndEmptyOrHugeSelections()
    {
        var a = await AddAsync("A");

        Assert.Contains("agents and admins", (await Leads.AssignOwnerAsync(Agent, [a], Client.UserId)).Error);
        Assert.Equal("Select at least one lead first.", (await Leads.AssignOwnerAsync(Agent, [], Agent.UserId)).Error);
        var tooMany = Enumerable.Range(0, LeadService.MaxBulk + 1).Select(_ => Guid.NewGuid()).ToList();
        Assert.Contains($"at most {LeadService.MaxBulk}", (await Leads.ChangeStatusAsync(Agent, tooMany, LeadStatus.Won)).Error);
        Assert.Contains($"at most {LeadService.MaxBulk}", (await Leads.DeleteManyAsync(Agent, tooMany)).Error);
        Assert.Null((await DetailsAsync(a)).OwnerId);
    }

    [Fact]
    public async Task ChangeStatusMovesEveryChosenLeadWithTimelineLines()
    {
        var a = await AddAsync("A");
        var b = await AddAsync("B", status: LeadStatus.Contacted);
        var c = await AddAsync("C", status: LeadStatus.Won);

        Assert.True((await Leads.ChangeStatusAsync(Admin, [a, b, c], LeadStatus.Won)).Succeeded);

        var won = await Leads.ListAsync(Agent, new LeadFilter { Statuses = [LeadStatus.Won] });
        Assert.Equal(3, won.TotalCount);
        var lineOfB = (await Leads.TimelineAsync(Agent, b))[0];
        Assert.Equal((LeadActivityKind.StatusChanged, "Contacted → Won", "Ada Admin"), (lineOfB.Kind, lineOfB.Text, lineOfB.ActorName));
        Assert.Single(await Leads.TimelineAsync(Agent, c));
    }

    [Fact]
    public async Task DeleteManyRemovesOnlyTheChosenLeads()
    {
        var a = await AddAsync("A");
        var b = await AddAsync("B");
        var kept = await AddAsync("Kept");

        Assert.True((await Leads.DeleteManyAsync(Agent, [a, b, Guid.NewGuid()])).Succeeded);

        Assert.Equal([kept], (await Leads.ListAsync(Agent, new LeadFilter())).Items.Select(r => r.Id));
        Assert.Empty(await Leads.TimelineAsync(Agent, a));
    }

    [Fact]
    public async Task ADeletedAgentsLeadsGoToTheDeletingAdmin()
    {
        var leaving = await PersonAsync("Lea Leaving", Roles.Agent);
        var owned = await AddAsync("Owned", owner: leaving.UserId);
        var other = await AddAsync("Other", owner: Agent.UserId);

        Assert.True((await Get<AdminAccountService>().DeleteAsync(Admin, leaving.UserId)).Succeeded);

        Assert.Equal(Admin.UserId, (await DetailsAsync(owned)).OwnerId);
        Assert.Equal(Agent.UserId, (await DetailsAsync(other)).OwnerId);
        var line = (await Leads.TimelineAsync(Agent, owned))[0];
        Assert.Equal((LeadActivityKind.OwnerChanged, "Lea Leaving → Ada Admin (account deleted)"), (line.Kind, line.Text));
        Assert.Equal(0, (await Leads.ListAsync(Agent, new LeadFilter { OwnerId = leaving.UserId })).TotalCount);
    }
}
