using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;

namespace ChatCrm.Tests.Integration.Leads;

public sealed class LeadAccessTests : LeadTestBase
{
    [Fact]
    public async Task ClientIsRefusedByEveryLeadMethodEvenWithARealId()
    {
        var id = await AddAsync("Nora Reed", company: "Reed & Co");
        var version = (await DetailsAsync(id)).Version;
        var calls = new Func<Task>[]
        {
            () => Leads.ListAsync(Client, new LeadFilter()),
            () => Leads.GetAsync(Client, id),
            () => Leads.TimelineAsync(Client, id),
            () => Leads.FindByEmailAsync(Client, "nora@example.test"),
            () => Leads.CreateAsync(Client, Input("Sneaky")),
            () => Leads.UpdateAsync(Client, id, Input("Renamed"), version),
            () => Leads.MoveAsync(Client, id, LeadStatus.Won, version),
            () => Leads.AddNoteAsync(Client, id, "hi"),
            () => Leads.DeleteAsync(Client, id),
            () => Leads.AssignOwnerAsync(Client, [id], Client.UserId),
            () => Leads.ChangeStatusAsync(Client, [id], LeadStatus.Lost),
            () => Leads.DeleteManyAsync(Client, [id]),
            () => Leads.BoardAsync(Client, new LeadFilter()),
            () => Leads.OwnersAsync(Client),
            () => Leads.SourcesAsync(Client),
            () => Leads.TagsAsync(Client),
        };

        foreach (var call in calls) await Assert.ThrowsAsync<ForbiddenException>(call);

        var lead = await DetailsAsync(id);
        Assert.Equal(("Nora Reed", LeadStatus.New, version), (lead.Name, lead.Status, lead.Version));
        Assert.Single(await Leads.TimelineAsync(Agent, id));
    }

    [Fact]
    public async Task AgentsAndAdminsWorkEveryLead()
    {
        var id = await AddAsync("Shared Lead", owner: OtherAgent.UserId);

        Assert.NotNull(await Leads.GetAsync(Agent, id));
        Assert.NotNull(await Leads.GetAsync(Admin, id));
        Assert.True((await Leads.MoveAsync(Agent, id, LeadStatus.Contacted, (await DetailsAsync(id)).Version)).Succeeded);
        Assert.Equal(1, (await Leads.ListAsync(Admin, new LeadFilter())).TotalCount);
    }

    [Fact]
    public async Task AMissingLeadIsNullOrNotFoundNeverAnError()
    {
        var missing = Guid.NewGuid();

        Assert.Null(await Leads.GetAsync(Agent, missing));
        Assert.Empty(await Leads.TimelineAsync(Agent, missing));
        Assert.Equal(LeadService.NotFoundText, (await Leads.MoveAsync(Agent, missing, LeadStatus.Won, 0)).Error);
        Assert.Equal(LeadService.NotFoundText, (await Leads.AddNoteAsync(Agent, missing, "hello")).Error);
        Assert.Equal(LeadService.NotFoundText, (await Leads.DeleteAsync(Agent, missing)).Error);
        Assert.Equal(LeadService.NotFoundText, (await Leads.UpdateAsync(Agent, missing, Input("X"), 0)).Errors[""]);
    }
}
