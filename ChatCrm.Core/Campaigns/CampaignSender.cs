using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Works through running email campaigns in the background, paced to SendsPerSecond. At most one mail per person,
/// even across a crash or several servers: a recipient is claimed (Pending → Sending) by a conditional UPDATE and its
/// mail is queued in the same transaction, so a claim without its queued mail (or the reverse) cannot exist. The mail
/// queue delivers it and <see cref="CampaignDeliveries"/> records Sent or Failed on the recipient.
/// </summary>
public sealed partial class CampaignSender(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    MailOutbox outbox,
    UnsubscribeTokens tokens,
    CampaignSendSignal signal,
    IOptions<CampaignOptions> options,
    TimeProvider clock,
    ILogger<CampaignSender> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private long _nextSendTimestamp;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PassLoop.RunAsync(RunDueAsync, () => TimeSpan.FromSeconds(options.Value.PollSeconds), signal, clock, LogPassFailed, stoppingToken);

    /// <summary>One pass: starts scheduled campaigns whose time has come, then works through every running one.</summary>
    internal async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await StartDueScheduledAsync(cancellationToken);
        List<Guid> running;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            running = await db.Campaigns.AsNoTracking()
                .Where(c => c.Status == CampaignStatus.Running && c.Channel == CampaignChannel.Email)
                .OrderBy(c => c.SendStartedAt).Select(c => c.Id).ToListAsync(cancellationToken);
        }
        foreach (var id in running) await SendCampaignAsync(id, cancellationToken);
    }

    private async Task StartDueScheduledAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Scheduled && c.Channel == CampaignChannel.Email && c.ScheduledAt <= now && c.SendStartedAt == null)
            .Select(c => new { c.Id, c.AudienceQuery }).ToListAsync(cancellationToken);
        foreach (var campaign in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Conditional, so two servers (or an agent pressing Start at the same moment) cannot both take the audience.
            var taken = await db.Campaigns.Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Scheduled && c.SendStartedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, CampaignStatus.Running)
                    .SetProperty(c => c.SendStartedAt, now)
                    .SetProperty(c => c.UpdatedAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            if (taken != 1) continue;
            var count = await AudienceSnapshot.TakeAsync(db, campaign.Id, campaign.AudienceQuery, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogScheduledStarted(campaign.Id, count);
        }
    }

    private async Task SendCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Subject, c.Body }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return;
        while (true)
        {
            var batch = await db.CampaignRecipients.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.Status == RecipientStatus.Pending)
                .OrderBy(r => r.LeadId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var recipient in batch)
            {
                await PaceAsync(cancellationToken);
                await SendOneAsync(db, recipient, campaign.Subject ?? "", campaign.Body ?? "", cancellationToken);
            }
            await CountResultsAsync(db, campaignId, complete: false, cancellationToken);
        }
        await CountResultsAsync(db, campaignId, complete: true, cancellationToken);
        LogCompleted(campaignId);
    }

    private async Task SendOneAsync(ChatCrmDbContext db, CampaignRecipient recipient, string subject, string body, CancellationToken cancellationToken)
    {
        var mail = CampaignMail.Render(recipient.Email, subject, body, recipient.Name, tokens.LinkFor(recipient.LeadId));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: only the caller whose UPDATE changed the row may queue this person's mail. A row unsubscribed
        // (Skipped) or claimed by another server in the meantime changes nothing here.
        var claimed = await db.CampaignRecipients
            .Where(r => r.CampaignId == recipient.CampaignId && r.LeadId == recipient.LeadId && r.Status == RecipientStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Sending), cancellationToken);
        if (claimed != 1) return;
        outbox.Add(db, mail, CampaignDeliveries.Reference(recipient.CampaignId, recipient.LeadId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Sent = mails handed to the queue (and beyond). Delivered (accepted by the mail server) is counted by
    /// <see cref="CampaignDeliveries"/> alone, as each outcome arrives, during and after the send. Completing needs no
    /// Pending left.
    /// </summary>
    private async Task CountResultsAsync(ChatCrmDbContext db, Guid campaignId, bool complete, CancellationToken cancellationToken)
    {
        var recipients = db.CampaignRecipients.Where(r => r.CampaignId == campaignId);
        var tried = await recipients.CountAsync(r => r.Status == RecipientStatus.Sent || r.Status == RecipientStatus.Failed
            || r.Status == RecipientStatus.Sending || r.Status == RecipientStatus.Interrupted, cancellationToken);
        var now = clock.GetUtcNow();
        var campaign = db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Running);
        if (complete)
        {
            await campaign.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Sent, tried)
                .SetProperty(c => c.Status, CampaignStatus.Completed).SetProperty(c => c.SendCompletedAt, now)
                .SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
        else
        {
            await campaign.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Sent, tried)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
    }

    /// <summary>Spaces the mails out to at most SendsPerSecond.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1.0 / options.Value.SendsPerSecond);
        var now = clock.GetTimestamp();
        if (_nextSendTimestamp > now)
        {
            await Task.Delay(clock.GetElapsedTime(now, _nextSendTimestamp), clock, cancellationToken);
            now = clock.GetTimestamp();
        }
        _nextSendTimestamp = now + (long)(interval.TotalSeconds * clock.TimestampFrequency);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign sender: a pass failed; it tries again at the next poll")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: its scheduled time came; sending to {Count} recipients")]
    private partial void LogScheduledStarted(Guid campaignId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: send completed")]
    private partial void LogCompleted(Guid campaignId);
}
