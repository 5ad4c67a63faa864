using System.Text.RegularExpressions;
using System.Web;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Email;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.Campaigns;

/// <summary>Email campaigns through the real SMTP server: one mail per lead, the unsubscribe link, and a restart mid-send.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed partial class CampaignSendingTests(SmtpServerFixture smtp)
    : CrmTestBase(new Dictionary<string, string?> { ["ChatCrm:Campaigns:SendsPerSecond"] = "5" }, smtp)
{
    private CampaignService Campaigns => Get<CampaignService>();

    private CampaignSendService Sending => Get<CampaignSendService>();

    private readonly Mailbox _mailbox = smtp.Mailbox;

    private Mailbox Mailbox => _mailbox;

    private async Task<CampaignDetails> StartAsync(string audience, string name = "Autumn offer")
    {
        var (created, id) = await Campaigns.CreateAsync(Agent, CampaignArrange.Email(audience, name));
        Assert.True(created.Succeeded, created.Error);
        var campaign = (await Campaigns.GetAsync(Agent, id!.Value))!;
        var started = await Sending.StartSendAsync(Agent, campaign.Id, campaign.Version);
        Assert.True(started.Succeeded, started.Error);
        return campaign;
    }

    private async Task<List<Lead>> LeadsAsync(string tag, params string[] names)
    {
        var leads = new List<Lead>();
        foreach (var name in names) leads.Add(await CampaignArrange.LeadAsync(Core.Services, name, LeadStatus.Qualified, tags: [tag]));
        return leads;
    }

    [Fact]
    public async Task ASendDeliversOneMailPerLeadWithTheNameAndAnUnsubscribeLink()
    {
        var leads = await LeadsAsync("autumn", "Ann <b>Smith</b>", "Ben Jones", "Cy Young");
        await CampaignArrange.LeadAsync(Core.Services, "Not In Audience", tags: ["other"]);
        var campaign = await StartAsync("tag=autumn");

        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        await Core.DeliverQueuedMailAsync();

        foreach (var lead in leads)
        {
            var mail = Assert.Single(Mailbox.MailTo(lead.Email));
            Assert.Equal($"An offer for {lead.Name}", mail.Subject);
            Assert.Contains($"Hello {lead.Name},", mail.TextBody);
            Assert.Contains($"/unsubscribe?lead={lead.Id}&token=", mail.TextBody);
            Assert.Contains("/unsubscribe?lead=", mail.HtmlBody);
        }
        // The name is text in the HTML part, never markup.
        var html = Mailbox.MailTo(leads[0].Email)[0].HtmlBody!;
        Assert.Contains("Ann &lt;b&gt;Smith&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>Smith</b>", html);

        var done = (await Campaigns.GetAsync(Agent, campaign.Id))!;
        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.NotNull(done.SendCompletedAt);
        Assert.Equal(3, done.Metrics.Sent);
        Assert.Equal(3, done.Metrics.Delivered);
        var progress = (await Sending.GetProgressAsync(Agent, campaign.Id))!;
        Assert.Equal((3, 3, 0, 100.0), (progress.Total, progress.Sent, progress.Pending, progress.Percent));
        var rows = await Sending.ListRecipientsAsync(Agent, campaign.Id, new ChatCrm.Core.Common.PageRequest(0, 2, "ben"));
        Assert.Equal(RecipientStatus.Sent, Assert.Single(rows.Items).Status);
    }

    [Fact]
    public async Task UnsubscribingThroughTheLinkExcludesTheLeadFromLaterSendsAndABadTokenDoesNothing()
    {
        var leads = await LeadsAsync("winter", "Ann Winter", "Ben Winter", "Cy Winter");
        await StartAsync("tag=winter", "First");
        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        await Core.DeliverQueuedMailAsync();
        var (leadId, token) = LinkIn(Assert.Single(Mailbox.MailTo(leads[0].Email)).TextBody);
        Assert.Equal(leads[0].Id, leadId);

        Assert.Equal(UnsubscribeOutcome.InvalidLink, await Sending.UnsubscribeAsync(leads[1].Id, token));
        Assert.Equal(UnsubscribeOutcome.InvalidLink, await Sending.UnsubscribeAsync(leads[1].Id, "not-a-token"));
        Assert.Equal(UnsubscribeOutcome.Unsubscribed, await Sending.UnsubscribeAsync(leadId, token));
        Assert.Equal(UnsubscribeOutcome.Unsubscribed, await Sending.UnsubscribeAsync(leadId, token)); // a second click is fine
        Assert.Equal(2, await Campaigns.CountAudienceAsync(Agent, "tag=winter", CampaignChannel.Email));

        // Ben unsubscribes after the second send started but before his turn: he is skipped.
        var second = await StartAsync("tag=winter", "Second");
        var bensToken = Get<UnsubscribeTokens>().TokenFor(leads[1].Id);
        Assert.Equal(UnsubscribeOutcome.Unsubscribed, await Sending.UnsubscribeAsync(leads[1].Id, bensToken));
        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        await Core.DeliverQueuedMailAsync();

        var recipients = await CampaignArrange.RecipientsAsync(Core.Services, second.Id);
        Assert.DoesNotContain(recipients, r => r.LeadId == leads[0].Id);
        Assert.Equal(RecipientStatus.Skipped, recipients.Single(r => r.LeadId == leads[1].Id).Status);
        Assert.Equal(RecipientStatus.Sent, recipients.Single(r => r.LeadId == leads[2].Id).Status);
        await Core.DeliverQueuedMailAsync();
        Assert.Single(Mailbox.MailTo(leads[0].Email));
        Assert.Single(Mailbox.MailTo(leads[1].Email));
        Assert.Equal(2, Mailbox.MailTo(leads[2].Email).Count);
    }

    [Fact]
    public async Task ARestartMidSendNeverMailsAnyoneTwiceAndSendsTheRest()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"Resume Lead {i}").ToArray();
        var leads = await LeadsAsync("resume", names);
        var campaign = await StartAsync("tag=resume");

        // The first process queues a few mails (5 a second), then stops mid-send.
        using (var stop = new CancellationTokenSource())
        {
            var first = ActivatorUtilities.CreateInstance<CampaignSender>(Core.Services);
            var run = first.RunDueAsync(stop.Token);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await CampaignArrange.RecipientsAsync(Core.Services, campaign.Id)).Count(r => r.Status != RecipientStatus.Pending) < 3
                   && DateTime.UtcNow < deadline) await Task.Delay(20);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        // A claim and its queued mail are one transaction: every claimed person has exactly one mail in the queue.
        var claimed = (await CampaignArrange.RecipientsAsync(Core.Services, campaign.Id)).Where(r => r.Status != RecipientStatus.Pending).ToList();
        Assert.InRange(claimed.Count, 3, leads.Count - 1);
        var queued = await Core.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Reference != null).Select(m => m.To).ToListAsync());
        Assert.Equal(claimed.Select(r => r.Email).Order(), queued.Order());

        // A new process sends only to people still Pending.
        await ActivatorUtilities.CreateInstance<CampaignSender>(Core.Services).RunDueAsync(CancellationToken.None);
        await Core.DeliverQueuedMailAsync();

        foreach (var lead in leads) Assert.Single(Mailbox.MailTo(lead.Email));
        var recipients = await CampaignArrange.RecipientsAsync(Core.Services, campaign.Id);
        Assert.All(recipients, r => Assert.Equal(RecipientStatus.Sent, r.Status));
        var done = (await Campaigns.GetAsync(Agent, campaign.Id))!;
        Assert.Equal((CampaignStatus.Completed, leads.Count, leads.Count), (done.Status, done.Metrics.Sent, done.Metrics.Delivered));
    }

    [Fact]
    public async Task AMailCutOffMidSendIsNotResentAndItsRecipientReadsInterrupted()
    {
        // Only this test drives the queue, so it can leave a claim behind as a crash would.
        await Get<MailDeliveryWorker>().StopAsync(CancellationToken.None);
        var lead = (await LeadsAsync("crash", "Crash Lead"))[0];
        var campaign = await StartAsync("tag=crash");
        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        await Core.WithDbAsync(db => db.OutboxMails.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, Clock.GetUtcNow())));

        // Still within the claim's lease: it may be another server's send in progress, so nothing happens to it.
        await Get<MailDeliveryWorker>().RunDueAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Sending, (await Core.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync())).Status);
        Clock.Advance(TimeSpan.FromMinutes(11));
        await Get<MailDeliveryWorker>().RunDueAsync(CancellationToken.None);

        var mail = await Core.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxStatus.Failed, MailDeliveryWorker.InterruptedError), (mail.Status, mail.LastError));
        await Core.DeliverQueuedMailAsync();
        Assert.Empty(Mailbox.MailTo(lead.Email));
        Assert.Equal(RecipientStatus.Interrupted, Assert.Single(await CampaignArrange.RecipientsAsync(Core.Services, campaign.Id)).Status);
    }

    [Fact]
    public async Task AScheduledEmailStartsWhenItsTimeComesAndAFailingAddressDoesNotStopTheRest()
    {
        var good = await CampaignArrange.LeadAsync(Core.Services, "Good Address", tags: ["sched"]);
        var bad = await CampaignArrange.LeadAsync(Core.Services, "Bad Address", tags: ["sched"], email: "not an address");
        var input = CampaignArrange.Email("tag=sched");
        (input.Status, input.ScheduledAt) = (CampaignStatus.Scheduled, Clock.GetUtcNow().AddHours(1));
        var (created, id) = await Campaigns.CreateAsync(Agent, input);
        Assert.True(created.Succeeded, created.Error);

        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        Assert.Equal(CampaignStatus.Scheduled, (await Campaigns.GetAsync(Agent, id!.Value))!.Status);
        Clock.Advance(TimeSpan.FromHours(2));
        await Get<CampaignSender>().RunDueAsync(CancellationToken.None);
        await Core.DeliverQueuedMailAsync();

        Assert.Single(Mailbox.MailTo(good.Email));
        var recipients = await CampaignArrange.RecipientsAsync(Core.Services, id.Value);
        var failed = recipients.Single(r => r.LeadId == bad.Id);
        Assert.Equal(RecipientStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        var done = (await Campaigns.GetAsync(Agent, id.Value))!;
        Assert.Equal((CampaignStatus.Completed, 2, 1), (done.Status, done.Metrics.Sent, done.Metrics.Delivered));
    }

    [Fact]
    public async Task TheHostedSenderWakesAtOnceWhenASendStarts()
    {
        var lead = await CampaignArrange.LeadAsync(Core.Services, "Wake Up", tags: ["wake"]);
        var sender = Get<CampaignSender>();
        await sender.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(300); // the first pass finds nothing and waits for the next wake-up or poll (5 s)
            await StartAsync("tag=wake");
            var mail = await Mailbox.WaitForMailAsync(lead.Email, timeout: TimeSpan.FromSeconds(3));
            Assert.Contains("Hello Wake Up,", mail.TextBody);
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None);
        }
    }

    private static (Guid LeadId, string Token) LinkIn(string text)
    {
        var match = UnsubscribeLink().Match(text);
        Assert.True(match.Success, text);
        var query = HttpUtility.ParseQueryString(new Uri(match.Value).Query);
        return (Guid.Parse(query["lead"]!), query["token"]!);
    }

    [GeneratedRegex(@"https?://\S+/unsubscribe\?\S+")]
    private static partial Regex UnsubscribeLink();
}
