using System.ComponentModel.DataAnnotations;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Campaigns' records: list, read, create, edit, delete, the audience count and the hand-entered metrics. Staff only;
/// a Client is refused on every method. Sending lives in <see cref="CampaignSendService"/>.
/// </summary>
public sealed class CampaignService(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock)
{
    private const string What = "campaigns";

    public async Task<PagedResult<CampaignRow>> ListAsync(Actor actor, PageRequest page, CampaignStatus? status = null, CampaignChannel? channel = null,
        CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            var term = page.Search.Trim().ToLowerInvariant();
            campaigns = campaigns.Where(c => c.Name.ToLower().Contains(term));
        }
        if (status is { } s) campaigns = campaigns.Where(c => c.Status == s);
        if (channel is { } ch) campaigns = campaigns.Where(c => c.Channel == ch);

        campaigns = (page.SortBy, page.Descending) switch
        {
            (nameof(CampaignRow.Name), false) => campaigns.OrderBy(c => c.Name).ThenBy(c => c.Id),
            (nameof(CampaignRow.Name), true) => campaigns.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            (nameof(CampaignRow.Status), false) => campaigns.OrderBy(c => c.Status).ThenBy(c => c.Id),
            (nameof(CampaignRow.Status), true) => campaigns.OrderByDescending(c => c.Status).ThenBy(c => c.Id),
            (nameof(CampaignRow.Channel), false) => campaigns.OrderBy(c => c.Channel).ThenBy(c => c.Id),
            (nameof(CampaignRow.Channel), true) => campaigns.OrderByDescending(c => c.Channel).ThenBy(c => c.Id),
            (nameof(CampaignRow.ScheduledAt), false) => campaigns.OrderBy(c => c.ScheduledAt).ThenBy(c => c.Id),
            (nameof(CampaignRow.ScheduledAt), true) => campaigns.OrderByDescending(c => c.ScheduledAt).ThenBy(c => c.Id),
            (nameof(CampaignRow.Sent), false) => campaigns.OrderBy(c => c.Sent).ThenBy(c => c.Id),
            (nameof(CampaignRow.Sent), true) => campaigns.OrderByDescending(c => c.Sent).ThenBy(c => c.Id),
            (nameof(CampaignRow.UpdatedAt), false) => campaigns.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            _ => campaigns.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
        };

        var total = await campaigns.CountAsync(cancellationToken);
        var rows = await campaigns.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(c => new CampaignRow(c.Id, c.Name, c.Channel, c.Status, c.ScheduledAt, c.Sent, c.Delivered, c.Converted, c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<CampaignRow>(rows, total);
    }

    /// <summary>The campaign, or null when there is none with that id.</summary>
    public async Task<CampaignDetails?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (from x in db.Campaigns.AsNoTracking()
                         where x.Id == id
                         select new { c = x, owner = db.Users.Where(u => u.Id == x.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var c = row.c;
        return new CampaignDetails(c.Id, c.Name, c.Channel, c.Status, c.ScheduledAt, c.AudienceQuery, c.Subject, c.Body, c.Notes,
            new CampaignMetrics(c.Sent, c.Delivered, c.Opened, c.Replied, c.Converted), c.OwnerId, row.owner,
            c.CreatedAt, c.UpdatedAt, c.SendStartedAt, c.SendCompletedAt, c.Version);
    }

    public async Task<(Result Result, Guid? Id)> CreateAsync(Actor actor, CampaignInput input, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (Check(input, current: null) is { } error) return (Result.Fail(error), null);
        var now = clock.GetUtcNow();
        var campaign = new Campaign { OwnerId = actor.UserId, CreatedAt = now };
        Apply(campaign, input, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return (Result.Ok(), campaign.Id);
    }

    public async Task<Result> UpdateAsync(Actor actor, Guid id, int loadedVersion, CampaignInput input, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null) return Result.Fail(NotFound);
        db.ExpectVersion(campaign, loadedVersion);
        if (campaign.Status == CampaignStatus.Running && campaign.Channel == CampaignChannel.Email)
            return Result.Fail("The campaign is sending right now; wait until it has finished to change it.");
        if (campaign.Channel == CampaignChannel.Email && campaign.SendStartedAt is not null && ChangesSentContent(campaign, input))
            return Result.Fail("This campaign has been sent: only its name and notes can change. Create a new campaign for another send.");
        if (Check(input, campaign) is { } error)
            return Result.Fail(error);
        Apply(campaign, input, clock.GetUtcNow());
        await db.SaveOrConflictAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(Actor actor, Guid id, int loadedVersion, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null) return Result.Fail(NotFound);
        db.ExpectVersion(campaign, loadedVersion);
        if (campaign.Status == CampaignStatus.Running)
            return Result.Fail("A running campaign cannot be deleted; wait until it has finished.");
        db.Campaigns.Remove(campaign);
        await db.SaveOrConflictAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>How many leads the audience filter matches now; for email, people who unsubscribed are not counted.</summary>
    public async Task<int> CountAudienceAsync(Actor actor, string? audienceQuery, CampaignChannel channel, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Audience(db, audienceQuery, channel).CountAsync(cancellationToken);
    }

    /// <summary>WhatsApp and SMS have no provider here: their results are typed in by hand.</summary>
    public async Task<Result> SetMetricsAsync(Actor actor, Guid id, int loadedVersion, CampaignMetricsInput metrics, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (metrics.FunnelError() is { } error) return Result.Fail(error);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null) return Result.Fail(NotFound);
        db.ExpectVersion(campaign, loadedVersion);
        if (campaign.Channel == CampaignChannel.Email)
            return Result.Fail("An email campaign counts its results from the send; they cannot be typed in.");
        (campaign.Sent, campaign.Delivered, campaign.Opened, campaign.Replied, campaign.Converted) =
            (metrics.Sent, metrics.Delivered, metrics.Opened, metrics.Replied, metrics.Converted);
        campaign.UpdatedAt = clock.GetUtcNow();
        await db.SaveOrConflictAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Sources and tags in use and the staff who own leads, for the audience builder.</summary>
    public async Task<AudienceChoices> GetAudienceChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sources = await db.Leads.AsNoTracking().Where(l => l.Source != null && l.Source != "").Select(l => l.Source!).Distinct()
            .OrderBy(s => s).Take(200).ToListAsync(cancellationToken);
        var tags = await db.LeadTags.AsNoTracking().Select(t => t.Value).Distinct().OrderBy(t => t).Take(200).ToListAsync(cancellationToken);
        var staff = await PeopleByRole.Staff(db).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .Take(500).ToListAsync(cancellationToken);
        return new AudienceChoices(sources, tags, staff.Select(s => (s.Id, s.DisplayName)).ToList());
    }

    internal const string NotFound = "That campaign does not exist (any more).";

    /// <summary>The leads a campaign reaches: the saved filter, and for email only people with an address who did not unsubscribe.</summary>
    internal static IQueryable<Lead> Audience(ChatCrmDbContext db, string? audienceQuery, CampaignChannel channel)
    {
        var leads = db.Leads.AsNoTracking().Apply(LeadFilter.Parse(audienceQuery), db.LeadTags);
        return channel == CampaignChannel.Email ? leads.Where(l => l.UnsubscribedAt == null && l.Email != "") : leads;
    }

    private string? Check(CampaignInput input, Campaign? current)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
            return results[0].ErrorMessage;
        return CampaignRules.Validate(input, current?.Status, current?.ScheduledAt, clock.GetUtcNow()).Values.FirstOrDefault();
    }

    private static bool ChangesSentContent(Campaign campaign, CampaignInput input) =>
        input.Channel != campaign.Channel || input.Status != campaign.Status || input.ScheduledAt != campaign.ScheduledAt
        || Normalize(input.AudienceQuery) != campaign.AudienceQuery || Trimmed(input.Subject) != campaign.Subject || BodyOf(input.Body) != campaign.Body;

    private static void Apply(Campaign campaign, CampaignInput input, DateTimeOffset now)
    {
        campaign.Name = input.Name.Trim();
        campaign.Channel = input.Channel;
        campaign.Status = input.Status;
        campaign.ScheduledAt = input.ScheduledAt?.ToUniversalTime();
        campaign.AudienceQuery = Normalize(input.AudienceQuery);
        campaign.Subject = Trimmed(input.Subject);
        campaign.Body = BodyOf(input.Body);
        campaign.Notes = Trimmed(input.Notes);
        campaign.UpdatedAt = now;
    }

    /// <summary>The filter as the lead list writes it, so unknown keys and odd spellings are not stored.</summary>
    private static string Normalize(string? audienceQuery) => LeadFilter.Parse(audienceQuery).ToQueryString();

    // Leading spaces of a body may be layout (an indented first line); only trailing blank space goes.
    private static string? BodyOf(string? body) => string.IsNullOrWhiteSpace(body) ? null : body.TrimEnd();

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
