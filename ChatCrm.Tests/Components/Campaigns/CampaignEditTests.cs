using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Campaigns;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>The campaign form: Core's annotations and rules beside their fields; a good one is saved.</summary>
public sealed class CampaignEditTests : CrmTestBase
{
    [Fact]
    public async Task SavingWithoutANameShowsCoresMessageBesideTheName()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Agent).Render<CampaignEdit>();

        await form.Find("form").SubmitAsync();

        Assert.Equal("Give the campaign a name.", form.FieldMessage("Name"));
        Assert.Equal(0, (await Get<CampaignService>().ListAsync(Agent, new PageRequest(0, 10))).TotalCount);
    }

    [Fact]
    public async Task AScheduleInThePastIsRefusedBesideTheSchedule()
    {
        var input = CampaignScreens.Sms();
        input.Status = CampaignStatus.Scheduled;
        input.ScheduledAt = Clock.GetUtcNow().AddDays(2);
        var campaign = await Core.CreateAsync(Agent, input);
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Agent).Render<CampaignEdit>(p => p.Add(e => e.Id, campaign.Id));
        form.WaitForAssertion(() => form.Field("Schedule date"));

        await form.TypeAsync("Schedule date", "2 Jan 2020");

        Assert.Equal("The schedule lies in the past; choose a time from now on.", form.FieldMessage("Schedule date"));
        await form.Find("form").SubmitAsync();
        // Refused: the stored schedule stays as it was.
        Assert.Equal(campaign.ScheduledAt, (await Get<CampaignService>().GetAsync(Agent, campaign.Id))!.ScheduledAt);
    }

    [Fact]
    public async Task AnOverlongNameIsRefusedBesideIt()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Agent).Render<CampaignEdit>();

        await form.TypeAsync("Name", new string('n', Campaign.NameMax + 1));

        Assert.Equal($"The name can have at most {Campaign.NameMax} characters.", form.FieldMessage("Name"));
    }

    [Fact]
    public async Task AGoodCampaignIsSavedAndItsPageOpens()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Agent).Render<CampaignEdit>();

        await form.TypeAsync("Name", "Autumn offer");
        await form.Find("form").SubmitAsync();

        var saved = Assert.Single((await Get<CampaignService>().ListAsync(Agent, new PageRequest(0, 10))).Items);
        Assert.Equal("Autumn offer", saved.Name);
        Assert.EndsWith($"/campaigns/{saved.Id}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScheduleIsPickedInTheReadersZoneAndKeptAsTheInstant()
    {
        await using var context = new BunitContext();
        context.UseScreenOf(Core, Agent);
        context.Services.GetRequiredService<ReaderClock>().Use(Agent.UserId, "Asia/Tokyo");
        var form = context.Render<CampaignEdit>();
        var day = Clock.GetUtcNow().AddDays(3).UtcDateTime.Date;

        await form.TypeAsync("Name", "Tokyo launch");
        await form.TypeAsync("Schedule date", ReaderTime.ShortDate(DateOnly.FromDateTime(day)));
        // A day picked without a time starts at 09:00 of it, in the zone the label names.
        Assert.Equal("09:00", form.Field("Schedule time (Asia/Tokyo)").QuerySelector("input")!.GetAttribute("value"));
        await form.Find("form").SubmitAsync();

        var saved = Assert.Single((await Get<CampaignService>().ListAsync(Agent, new PageRequest(0, 10))).Items);
        // 09:00 in Tokyo (UTC+9, no daylight saving) is 00:00 UTC.
        Assert.Equal(new DateTimeOffset(day, TimeSpan.Zero), saved.ScheduledAt);
    }
}
