using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Campaigns;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>
/// The campaign list's rows, which CampaignList.razor.css draws as cards at phone width: each carries the campaign's
/// key fields and its actions, and the filters fold behind one button there.
/// </summary>
public sealed class CampaignListTests : CrmTestBase
{
    [Fact]
    public async Task EachRowCarriesWhatItsPhoneCardShows()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignScreens.Sms("Webinar reminder"));
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Agent).Render<CampaignList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.campaign-row")));
        var card = list.Find("tr.campaign-row");
        var name = card.QuerySelector(".cell-name a")!;
        Assert.Equal("Webinar reminder", name.TextContent.Trim());
        Assert.Equal($"campaigns/{campaign.Id}", name.GetAttribute("href"));
        Assert.Equal("SMS", card.QuerySelector(".cell-channel")!.TextContent.Trim());
        Assert.Equal("Draft", card.QuerySelector(".cell-status .app-badge")!.TextContent.Trim());
        Assert.Equal("Schedule", card.QuerySelector(".cell-fact")!.GetAttribute("data-label"));
        Assert.Equal(["Sent", "Delivered", "Converted"], card.QuerySelectorAll(".cell-count").Select(c => c.GetAttribute("data-label")));
        var actions = card.QuerySelectorAll(".cell-actions a");
        Assert.Equal(["Open", "Edit"], actions.Select(a => a.TextContent.Trim()));
        Assert.Equal($"campaigns/{campaign.Id}/edit", actions[1].GetAttribute("href"));
        // Plain markup: the row holds no component of its own besides MudTable's row.
        Assert.Empty(card.QuerySelectorAll(".mud-chip, .mud-button-root, .mud-icon-root"));
    }

    [Fact]
    public async Task TheFiltersFoldBehindOneButton()
    {
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Agent).Render<CampaignList>();

        var toggle = list.Find("button.filters-toggle");
        var panel = list.Find($"#{toggle.GetAttribute("aria-controls")}");
        Assert.Equal(["Status", "Channel"], panel.QuerySelectorAll(".mud-input-control label").Select(l => l.TextContent.Trim()));
        Assert.DoesNotContain("filter-panel-open", panel.ClassName);

        await toggle.ClickAsync();

        Assert.Equal("true", list.Find("button.filters-toggle").GetAttribute("aria-expanded"));
        Assert.Contains("filter-panel-open", list.Find("#campaign-filters").ClassName);
    }
}
