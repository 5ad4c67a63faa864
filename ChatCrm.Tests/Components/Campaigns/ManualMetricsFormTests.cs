using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Campaigns;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>Hand-entered results of an SMS or WhatsApp campaign: Core's funnel rule beside the step that breaks it.</summary>
public sealed class ManualMetricsFormTests : CrmTestBase
{
    private async Task<(BunitContext Context, IRenderedComponent<ManualMetricsForm> Form, CampaignDetails Campaign, Func<int> Saves)> RenderAsync()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignScreens.Sms());
        var context = new BunitContext();
        var saves = 0;
        var form = context.UseScreenOf(Core, Agent).Render<ManualMetricsForm>(p => p
            .Add(f => f.Campaign, campaign)
            .Add(f => f.OnSaved, () => saves++));
        return (context, form, campaign, () => saves);
    }

    [Fact]
    public async Task AStepLargerThanTheOneBeforeIsRefusedBesideIt()
    {
        var (context, form, campaign, saves) = await RenderAsync();
        await using var _ = context;

        await form.TypeAsync("Sent", "10");
        await form.TypeAsync("Delivered", "12");
        await form.Find("form").SubmitAsync();

        Assert.StartsWith("More delivered (12) than sent (10)", form.FieldMessage("Delivered"));
        Assert.Equal("", form.FieldMessage("Sent"));
        Assert.Equal(0, saves());
        Assert.Equal(0, (await Get<CampaignService>().GetAsync(Agent, campaign.Id))!.Metrics.Sent);
    }

    [Fact]
    public async Task ANegativeNumberIsRefusedBesideItsField()
    {
        var (context, form, _, saves) = await RenderAsync();
        await using var __ = context;

        await form.TypeAsync("Opened", "-1");

        Assert.Equal("Opened cannot be negative.", form.FieldMessage("Opened"));
        await form.Find("form").SubmitAsync();
        Assert.Equal(0, saves());
    }

    [Fact]
    public async Task NumbersThatFitAreSaved()
    {
        var (context, form, campaign, saves) = await RenderAsync();
        await using var _ = context;

        await form.TypeAsync("Sent", "10");
        await form.TypeAsync("Delivered", "8");
        await form.Find("form").SubmitAsync();

        Assert.Equal(1, saves());
        Assert.Equal(new CampaignMetrics(10, 8, 0, 0, 0), (await Get<CampaignService>().GetAsync(Agent, campaign.Id))!.Metrics);
        Assert.Contains("Results saved.", context.Outcomes());
    }
}
