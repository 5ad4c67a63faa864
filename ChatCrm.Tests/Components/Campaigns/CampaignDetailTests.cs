using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>A campaign's page: deleting asks first (Confirmations); results show as a chart and a funnel.</summary>
public sealed class CampaignDetailTests : CrmTestBase
{
    [Fact]
    public async Task DeletingACampaignAsksFirstAndCancelKeepsIt()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignScreens.Sms("Keep me"));
        await using var context = new BunitContext();
        var (dialogs, _) = context.UseScreenOf(Core, Agent).RenderHosts();
        var page = context.Render<CampaignDetail>(p => p.Add(d => d.Id, campaign.Id));
        page.WaitForAssertion(() => page.Button("Delete"));

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking1 = page.Button("Delete").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the campaign \"Keep me\" with its results and recipient list?", dialogs.Markup));
        await dialogs.Button("Cancel").ClickAsync();
        await asking1;

        Assert.NotNull(await Get<CampaignService>().GetAsync(Agent, campaign.Id));
    }

    [Fact]
    public async Task ConfirmingTheDeleteRemovesTheCampaignAndShowsTheList()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignScreens.Sms("Gone soon"));
        await using var context = new BunitContext();
        var (dialogs, _) = context.UseScreenOf(Core, Agent).RenderHosts();
        var page = context.Render<CampaignDetail>(p => p.Add(d => d.Id, campaign.Id));
        page.WaitForAssertion(() => page.Button("Delete"));

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking2 = page.Button("Delete").ClickAsync();
        dialogs.WaitForAssertion(() => dialogs.Button("Delete campaign"));
        await dialogs.Button("Delete campaign").ClickAsync();
        await asking2;

        page.WaitForAssertion(() => Assert.EndsWith("/campaigns", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Null(await Get<CampaignService>().GetAsync(Agent, campaign.Id));
    }

    [Fact]
    public async Task ResultsShowAsAChartAndAFunnel()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignScreens.Sms());
        Assert.True((await Get<CampaignService>().SetMetricsAsync(Agent, campaign.Id, campaign.Version,
            new CampaignMetricsInput { Sent = 10, Delivered = 8, Opened = 4 })).Succeeded);
        await using var context = new BunitContext();
        var page = context.UseScreenOf(Core, Agent).Render<CampaignDetail>(p => p.Add(d => d.Id, campaign.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("ol.funnel li")));
        Assert.Contains("Sent 10, Delivered 8, Opened 4", page.Find("section.campaign-results [role=img][aria-label]").GetAttribute("aria-label"));
        Assert.Contains("80 %", page.Find("ol.funnel").TextContent);
        // The hand-entered results form is there for an SMS campaign, filled with what is stored.
        Assert.Equal("8", page.Field("Delivered").QuerySelector("input")!.GetAttribute("value"));
    }
}
