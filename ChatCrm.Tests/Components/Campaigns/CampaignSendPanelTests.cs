using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Tests.Integration.Campaigns;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>An email campaign's send panel: the start asks first, the test goes to the sender's own address.</summary>
public sealed class CampaignSendPanelTests : CrmTestBase
{
    [Fact]
    public async Task StartingASendAsksFirstAndCancelSendsNothing()
    {
        await CampaignArrange.LeadAsync(Core.Services, "Ann Lead");
        var campaign = await Core.CreateAsync(Agent, CampaignArrange.Email(""));
        await using var context = new BunitContext();
        var (dialogs, _) = context.UseScreenOf(Core, Agent).RenderHosts();
        var changes = 0;
        var panel = context.Render<CampaignSendPanel>(p => p.Add(s => s.Campaign, campaign).Add(s => s.OnChanged, () => changes++));

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking1 = panel.Button("Start sending").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("Send this mail to everyone in the audience now", dialogs.Markup));
        await dialogs.Button("Cancel").ClickAsync();
        await asking1;

        Assert.Null((await Get<CampaignService>().GetAsync(Agent, campaign.Id))!.SendStartedAt);
        Assert.Equal(0, changes);

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking2 = panel.Button("Start sending").ClickAsync();
        dialogs.WaitForAssertion(() => dialogs.Button("Start sending"));
        await dialogs.Button("Start sending").ClickAsync();
        await asking2;

        panel.WaitForAssertion(() => Assert.Equal(1, changes));
        Assert.Equal(CampaignStatus.Running, (await Get<CampaignService>().GetAsync(Agent, campaign.Id))!.Status);
        Assert.Contains("Sending has started. You can leave this page; it goes on in the background.", context.Outcomes());
    }

    [Fact]
    public async Task ATestMailGoesToTheSendersOwnAddress()
    {
        var campaign = await Core.CreateAsync(Agent, CampaignArrange.Email(""));
        await using var context = new BunitContext();
        var panel = context.UseScreenOf(Core, Agent).Render<CampaignSendPanel>(p => p.Add(s => s.Campaign, campaign));

        await panel.Button("Send test to me").ClickAsync();

        Assert.Contains("A test mail is on its way to your own address.", context.Outcomes());
        var subjects = await Core.WithDbAsync(db => db.OutboxMails.Where(m => m.To == Emails[Agent.UserId]).Select(m => m.Subject).ToListAsync());
        Assert.Equal("[Test] An offer for Alex Agent", Assert.Single(subjects));
    }
}
