using Bunit;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Leads;

public sealed class LeadEditTests : CrmTestBase
{
    [Fact]
    public async Task ANewLeadBelongsToTheAgentCreatingItUnlessTheyChooseOtherwise()
    {
        await using var context = new BunitContext();
        context.UseScreenOf(Core, Agent);
        context.Render<MudPopoverProvider>();

        var page = context.Render<LeadEdit>();
        var owner = page.WaitForElement("input[value='Alex Agent']", TimeSpan.FromSeconds(10));
        Assert.NotNull(owner);

        page.Input("Name").Change("Quinn Zephyr");
        page.Input("Email").Change("quinn@example.test");
        page.Find("form").Submit();

        var saved = await WaitForLeadAsync("quinn@example.test");
        Assert.Equal(Agent.UserId, saved.OwnerId);
        page.WaitForAssertion(() => Assert.EndsWith($"leads/{saved.Id}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheServicesRefusalOfAFieldShowsBesideThatField()
    {
        var leads = Get<LeadService>();
        var id = (await leads.CreateAsync(Agent, new LeadInput { Name = "Olga Owner", Email = "olga@example.test" })).Id!.Value;
        await using var context = new BunitContext();
        context.UseScreenOf(Core, Agent);
        context.Render<MudPopoverProvider>();

        var page = context.Render<LeadEdit>(p => p.Add(e => e.Id, id));
        page.WaitForElement("input[value='Olga Owner']", TimeSpan.FromSeconds(10));
        // A client cannot own a lead: only the service knows who may, and says so on save.
        var form = page.FindComponent<LeadForm>();
        form.Instance.Input.OwnerId = Client.UserId;
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Choose an owner from the list of agents and admins.", page.MessageBeside("Owner")),
            TimeSpan.FromSeconds(10));
        Assert.Null((await leads.GetAsync(Agent, id))!.OwnerId);
    }

    private async Task<LeadDetails> WaitForLeadAsync(string email)
    {
        var leads = Get<LeadService>();
        for (var i = 0; i < 100; i++)
        {
            if (await leads.FindByEmailAsync(Agent, email) is { } found) return (await leads.GetAsync(Agent, found.Id))!;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No lead with {email} was saved.");
    }
}
