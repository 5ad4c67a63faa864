using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// What people do around an email send: a test to themselves, starting the send, watching its progress, and (anyone
/// with a signed link) unsubscribing. The mails themselves go out in <see cref="CampaignSender"/>.
/// </summary>
public sealed class CampaignSendService(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    MailOutbox outbox,
    UnsubscribeTokens tokens,
    CampaignSendSignal signal,
    TimeProvider clock)
{
    private const string What = "campaigns";

    /// <summary>Sends the campaign's mail, filled in with the actor's own name, to the actor's own address.</summary>
    public async Task<Result> SendTestAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null) return Result.Fail(CampaignService.NotFound);
        if (ContentProblem(campaign) is { } problem) return Result.Fail(problem);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(me?.Email)) return Result.Fail("Your account has no email address to send the test to.");
        // The link in a test carries no lead, so following it unsubscribes nobody.
        var mail = CampaignMail.Render(me.Email, "[Test] " + campaign.Subject, campaign.Body!, me.DisplayName, tokens.LinkFor(Guid.Empty));
        await outbox.SendAsync(mail, cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Fixes the audience (everyone matching the filter who has not unsubscribed) and hands the campaign to the
    /// background sender. The audience rows and the Running status are saved together.
    /// </summary>
    public async Task<Result> StartSendAsync(Actor actor, Guid id, int loadedVersion, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null) return Result.Fail(CampaignService.NotFound);
        db.ExpectVersion(campaign, loadedVersion);
        if (campaign.SendStartedAt is not null || campaign.Status is CampaignStatus.Running or CampaignStatus.Completed)
            return Result.Fail("This campaign has already been sent.");
        if (ContentProblem(campaign) is { } problem) return Result.Fail(problem);
        if (!await CampaignService.Audience(db, campaign.AudienceQuery, CampaignChannel.Email).AnyAsync(cancellationToken))
            return Result.Fail("No lead in the audience can be mailed: the filter matches nobody, or everyone it matches has unsubscribed.");

        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            campaign.Status = CampaignStatus.Running;
            campaign.SendStartedAt = now;
            campaign.ScheduledAt ??= now;
            campaign.UpdatedAt = now;
            await db.SaveOrConflictAsync(cancellationToken);
            await AudienceSnapshot.TakeAsync(db, campaign.Id, campaign.AudienceQuery, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        signal.Wake();
        return Result.Ok();
    }

    public async Task<CampaignProgress?> GetProgressAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var status = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => (CampaignStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null) return null;
        var counts = await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Of(RecipientStatus s) => counts.GetValueOrDefault(s);
        return new CampaignProgress(status.Value, counts.Values.Sum(), Of(RecipientStatus.Pending), Of(RecipientStatus.Sending), Of(RecipientStatus.Sent),
            Of(RecipientStatus.Failed), Of(RecipientStatus.Skipped), Of(RecipientStatus.Interrupted));
    }

    /// <summary>Who the send mails and how it went for each, a page at a time (name or email search, status filter).</summary>
    public async Task<PagedResult<RecipientRow>> ListRecipientsAsync(Actor actor, Guid id, PageRequest page, RecipientStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == id);
        if (status is { } s) rows = rows.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            var term = page.Search.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.Name.ToLower().Contains(term) || r.Email.ToLower().Contains(term));
        }
        rows = (page.SortBy, page.Descending) switch
        {
            (nameof(RecipientRow.Name), false) => rows.OrderBy(r => r.Name).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.Name), true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.Email), false) => rows.OrderBy(r => r.Email).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.Email), true) => rows.OrderByDescending(r => r.Email).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.Status), false) => rows.OrderBy(r => r.Status).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.Status), true) => rows.OrderByDescending(r => r.Status).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.SentAt), true) => rows.OrderByDescending(r => r.SentAt).ThenBy(r => r.LeadId),
            (nameof(RecipientRow.SentAt), false) => rows.OrderBy(r => r.SentAt).ThenBy(r => r.LeadId),
            _ => rows.OrderBy(r => r.LeadId),
        };
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(r => new RecipientRow(r.LeadId, r.Name, r.Email, r.Status, r.SentAt, r.Error)).ToListAsync(cancellationToken);
        return new PagedResult<RecipientRow>(items, total);
    }

    /// <summary>
    /// Follows an unsubscribe link: anonymous, so the signed token is the only proof. The lead gets no campaign mail
    /// from now on, including the rest of any send under way. A valid link for a lead since deleted still succeeds.
    /// </summary>
    public async Task<UnsubscribeOutcome> UnsubscribeAsync(Guid leadId, string? token, CancellationToken cancellationToken = default)
    {
        if (leadId == Guid.Empty || !tokens.IsValid(leadId, token)) return UnsubscribeOutcome.InvalidLink;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Not a versioned edit: no form holds this column, so an agent editing the lead is not sent a conflict.
        await db.Leads.Where(l => l.Id == leadId && l.UnsubscribedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UnsubscribedAt, now), cancellationToken);
        await db.CampaignRecipients.Where(r => r.LeadId == leadId && r.Status == RecipientStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Skipped), cancellationToken);
        return UnsubscribeOutcome.Unsubscribed;
    }

    private static string? ContentProblem(Campaign campaign)
    {
        if (campaign.Channel != CampaignChannel.Email) return "Only email campaigns are sent from here; WhatsApp and SMS results are entered by hand.";
        if (string.IsNullOrWhiteSpace(campaign.Subject)) return "Write a subject first (Edit).";
        if (string.IsNullOrWhiteSpace(campaign.Body)) return "Write the mail's text first (Edit).";
        return null;
    }
}
