using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Integration.Crm;

namespace ChatCrm.Tests.Integration.Campaigns;

public sealed class CampaignServiceTests : CrmTestBase
{
    private CampaignService Campaigns => Get<CampaignService>();

    private CampaignSendService Sending => Get<CampaignSendService>();

    private async Task<CampaignDetails> CreateAsync(CampaignInput input, Actor? by = null)
    {
        var (result, id) = await Campaigns.CreateAsync(by ?? Agent, input);
        Assert.True(result.Succeeded, result.Error);
        return (await Campaigns.GetAsync(Agent, id!.Value))!;
    }

    [Fact]
    public async Task ClientIsForbiddenOnEveryCampaignMethod()
    {
        var campaign = await CreateAsync(CampaignArrange.Email(""));
        var calls = new Func<Task>[]
        {
            () => Campaigns.ListAsync(Client, new PageRequest(0, 10)),
            () => Campaigns.GetAsync(Client, campaign.Id),
            () => Campaigns.CreateAsync(Client, CampaignArrange.Email("")),
            () => Campaigns.UpdateAsync(Client, campaign.Id, campaign.Version, campaign.ToInput()),
            () => Campaigns.DeleteAsync(Client, campaign.Id, campaign.Version),
            () => Campaigns.CountAudienceAsync(Client, "", CampaignChannel.Email),
            () => Campaigns.SetMetricsAsync(Client, campaign.Id, campaign.Version, new CampaignMetricsInput()),
            () => Campaigns.GetAudienceChoicesAsync(Client),
            () => Sending.SendTestAsync(Client, campaign.Id),
            () => Sending.StartSendAsync(Client, campaign.Id, campaign.Version),
            () => Sending.GetProgressAsync(Client, campaign.Id),
            () => Sending.ListRecipientsAsync(Client, campaign.Id, new PageRequest(0, 10)),
        };
        foreach (var call in calls) await Assert.ThrowsAsync<ForbiddenException>(call);
        Assert.False(Directory.Exists(Outbox.Folder) && Directory.GetFiles(Outbox.Folder).Length > 0, "A refused call sent mail.");
        Assert.NotNull(await Campaigns.GetAsync(Admin, campaign.Id));
    }

    [Fact]
    public async Task CreateRefusesBadInputWithAClearMessage()
    {
        async Task<string?> Refusal(Action<CampaignInput> change)
        {
            var input = CampaignArrange.Email("");
            change(input);
            var (result, id) = await Campaigns.CreateAsync(Agent, input);
            Assert.False(result.Succeeded);
            Assert.Null(id);
            return result.Error;
        }

        Assert.Contains("name", await Refusal(i => i.Name = "  "));
        Assert.Contains("at most 120", await Refusal(i => i.Name = new string('x', Campaign.NameMax + 1)));
        Assert.Contains("when the campaign starts", await Refusal(i => i.Status = CampaignStatus.Scheduled));
        Assert.Contains("past", await Refusal(i => (i.Status, i.ScheduledAt) = (CampaignStatus.Scheduled, Clock.GetUtcNow().AddHours(-2))));
        Assert.Contains("subject", await Refusal(i => (i.Status, i.ScheduledAt, i.Subject) = (CampaignStatus.Scheduled, Clock.GetUtcNow().AddDays(1), null)));
        Assert.Contains("body", await Refusal(i => (i.Status, i.ScheduledAt, i.Body) = (CampaignStatus.Scheduled, Clock.GetUtcNow().AddDays(1), " ")));
        Assert.Contains("at most", await Refusal(i => i.Subject = new string('s', Campaign.SubjectMax + 1)));
        Assert.Contains("at most", await Refusal(i => i.AudienceQuery = "q=" + new string('a', Campaign.AudienceQueryMax)));
        Assert.Contains("Start sending", await Refusal(i => i.Status = CampaignStatus.Running));
        Assert.Contains("Choose", await Refusal(i => i.Channel = (CampaignChannel)42));

        // A draft email may still lack its text; a WhatsApp campaign never needs one.
        var draft = CampaignArrange.Email("");
        draft.Body = null;
        await CreateAsync(draft);
        var whatsApp = new CampaignInput { Name = "Chat blast", Channel = CampaignChannel.WhatsApp, Status = CampaignStatus.Scheduled, ScheduledAt = Clock.GetUtcNow().AddDays(1) };
        Assert.True((await Campaigns.CreateAsync(Agent, whatsApp)).Result.Succeeded);
    }

    [Fact]
    public async Task AudienceCountFollowsTheSavedFilterAndTagsAndLeavesOutUnsubscribedForEmail()
    {
        var services = Core.Services;
        await CampaignArrange.LeadAsync(services, "Ann", LeadStatus.Qualified, "web", ["vip"]);
        await CampaignArrange.LeadAsync(services, "Ben", LeadStatus.Qualified, "fair");
        await CampaignArrange.LeadAsync(services, "Cid", LeadStatus.New, "web", ["vip"]);
        var gone = await CampaignArrange.LeadAsync(services, "Dee", LeadStatus.Qualified, "web", ["vip"]);
        var tokens = Get<UnsubscribeTokens>();
        Assert.Equal(UnsubscribeOutcome.Unsubscribed, await Sending.UnsubscribeAsync(gone.Id, tokens.TokenFor(gone.Id)));

        Assert.Equal(2, await Campaigns.CountAudienceAsync(Agent, "status=Qualified", CampaignChannel.Email));
        Assert.Equal(3, await Campaigns.CountAudienceAsync(Agent, "status=Qualified", CampaignChannel.Sms));
        Assert.Equal(2, await Campaigns.CountAudienceAsync(Agent, "tag=VIP", CampaignChannel.Email));
        Assert.Equal(1, await Campaigns.CountAudienceAsync(Agent, "status=Qualified&tag=vip&source=web", CampaignChannel.Email));
        Assert.Equal(3, await Campaigns.CountAudienceAsync(Agent, "", CampaignChannel.Email));

        // The stored audience is the lead list's own spelling of the filter.
        var campaign = await CreateAsync(CampaignArrange.Email("tag=VIP&status=qualified&nonsense=1"));
        Assert.Equal("status=Qualified&tag=vip", campaign.AudienceQuery);
    }

    [Fact]
    public async Task ListPagesSortsSearchesAndFiltersOnTheServer()
    {
        foreach (var name in new[] { "Alpha mail", "Beta mail", "Gamma mail" }) await CreateAsync(CampaignArrange.Email("", name));
        await CreateAsync(new CampaignInput { Name = "Delta texts", Channel = CampaignChannel.Sms });

        var page = await Campaigns.ListAsync(Agent, new PageRequest(1, 2, "MAIL", nameof(CampaignRow.Name), Descending: true));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["Beta mail", "Alpha mail"], page.Items.Select(r => r.Name));
        var sms = await Campaigns.ListAsync(Admin, new PageRequest(0, 10), channel: CampaignChannel.Sms);
        Assert.Equal("Delta texts", Assert.Single(sms.Items).Name);
        Assert.Empty((await Campaigns.ListAsync(Agent, new PageRequest(0, 10), status: CampaignStatus.Completed)).Items);
    }

    [Fact]
    public async Task ManualMetricsMustBeNonNegativeAndFollowTheFunnel()
    {
        var sms = await CreateAsync(new CampaignInput { Name = "Texts", Channel = CampaignChannel.Sms });
        var tooMany = await Campaigns.SetMetricsAsync(Agent, sms.Id, sms.Version, new CampaignMetricsInput { Sent = 10, Delivered = 12 });
        Assert.False(tooMany.Succeeded);
        Assert.Contains("More delivered (12) than sent (10)", tooMany.Error);
        Assert.Contains("negative", (await Campaigns.SetMetricsAsync(Agent, sms.Id, sms.Version, new CampaignMetricsInput { Sent = -1 })).Error);
        var skipsAStep = await Campaigns.SetMetricsAsync(Agent, sms.Id, sms.Version, new CampaignMetricsInput { Sent = 10, Delivered = 9, Opened = 5, Replied = 2, Converted = 3 });
        Assert.Contains("converted", skipsAStep.Error);

        var ok = await Campaigns.SetMetricsAsync(Agent, sms.Id, sms.Version, new CampaignMetricsInput { Sent = 10, Delivered = 9, Opened = 5, Replied = 2, Converted = 1 });
        Assert.True(ok.Succeeded, ok.Error);
        Assert.Equal(new CampaignMetrics(10, 9, 5, 2, 1), (await Campaigns.GetAsync(Agent, sms.Id))!.Metrics);

        var email = await CreateAsync(CampaignArrange.Email(""));
        Assert.False((await Campaigns.SetMetricsAsync(Agent, email.Id, email.Version, new CampaignMetricsInput { Sent = 1 })).Succeeded);
    }

    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionGetsAConflict()
    {
        var loaded = await CreateAsync(CampaignArrange.Email(""));
        var first = loaded.ToInput();
        first.Name = "First";
        Assert.True((await Campaigns.UpdateAsync(Agent, loaded.Id, loaded.Version, first)).Succeeded);
        var second = loaded.ToInput();
        second.Name = "Second";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Campaigns.UpdateAsync(OtherAgent, loaded.Id, loaded.Version, second));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Campaigns.DeleteAsync(OtherAgent, loaded.Id, loaded.Version));
        Assert.Equal("First", (await Campaigns.GetAsync(Agent, loaded.Id))!.Name);
    }

    [Fact]
    public async Task ARunningCampaignCannotBeDeletedOrEditedAndASentOneKeepsItsContent()
    {
        await CampaignArrange.LeadAsync(Core.Services, "Ann");
        var campaign = await CreateAsync(CampaignArrange.Email(""));
        Assert.True((await Sending.StartSendAsync(Agent, campaign.Id, campaign.Version)).Succeeded);
        var running = (await Campaigns.GetAsync(Agent, campaign.Id))!;
        Assert.Equal(CampaignStatus.Running, running.Status);
        Assert.Contains("running", (await Campaigns.DeleteAsync(Agent, running.Id, running.Version)).Error);
        Assert.Contains("sending right now", (await Campaigns.UpdateAsync(Agent, running.Id, running.Version, running.ToInput())).Error);
        Assert.Contains("already been sent", (await Sending.StartSendAsync(Agent, running.Id, running.Version)).Error);

        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        var done = (await Campaigns.GetAsync(Agent, campaign.Id))!;
        Assert.Equal(CampaignStatus.Completed, done.Status);
        var changedText = done.ToInput();
        changedText.Body = "Something else";
        Assert.Contains("only its name and notes", (await Campaigns.UpdateAsync(Agent, done.Id, done.Version, changedText)).Error);
        var renamed = done.ToInput();
        renamed.Name = "Autumn offer (sent)";
        Assert.True((await Campaigns.UpdateAsync(Agent, done.Id, done.Version, renamed)).Succeeded);
        var reloaded = (await Campaigns.GetAsync(Agent, done.Id))!;
        Assert.True((await Campaigns.DeleteAsync(Admin, reloaded.Id, reloaded.Version)).Succeeded);
        Assert.Null(await Campaigns.GetAsync(Agent, done.Id));
        Assert.Empty(await CampaignArrange.RecipientsAsync(Core.Services, done.Id));
    }

    [Fact]
    public async Task TestSendGoesToTheActorWithTheirNameFilledIn()
    {
        await CampaignArrange.LeadAsync(Core.Services, "Ann");
        var campaign = await CreateAsync(CampaignArrange.Email(""));
        var result = await Sending.SendTestAsync(OtherAgent, campaign.Id);
        Assert.True(result.Succeeded, result.Error);
        var mail = await Outbox.WaitForMailAsync(Emails[OtherAgent.UserId], "[Test] An offer for Olga Agent");
        Assert.Contains("Hello Olga Agent,", mail.TextBody);
        Assert.Contains("/unsubscribe?lead=", mail.TextBody);
        // A test is not a send: nobody in the audience was mailed and the campaign is still a draft.
        Assert.Equal(CampaignStatus.Draft, (await Campaigns.GetAsync(Agent, campaign.Id))!.Status);
        Assert.Single(Directory.GetFiles(Outbox.Folder, "*.eml"));
    }

    [Fact]
    public async Task StartingAnEmailWithoutAudienceOrTextIsRefused()
    {
        var empty = await CreateAsync(CampaignArrange.Email("status=Won"));
        Assert.Contains("No lead", (await Sending.StartSendAsync(Agent, empty.Id, empty.Version)).Error);
        var input = CampaignArrange.Email("");
        input.Body = null;
        var noBody = await CreateAsync(input);
        Assert.Contains("text", (await Sending.StartSendAsync(Agent, noBody.Id, noBody.Version)).Error);
        Assert.Contains("text", (await Sending.SendTestAsync(Agent, noBody.Id)).Error);
    }

    [Fact]
    public async Task DeletingAnAccountHandsItsCampaignsToTheDeletingAdmin()
    {
        var campaign = await CreateAsync(CampaignArrange.Email(""), OtherAgent);
        Assert.Equal(OtherAgent.UserId, campaign.OwnerId);
        var deleted = await Get<AdminAccountService>().DeleteAsync(Admin, OtherAgent.UserId);
        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Equal(Admin.UserId, (await Campaigns.GetAsync(Agent, campaign.Id))!.OwnerId);
    }
}
