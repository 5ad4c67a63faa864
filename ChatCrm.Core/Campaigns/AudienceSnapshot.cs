using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Fixes who an email campaign mails at the moment the send starts: one <c>campaign_recipients</c> row per lead in the
/// audience (Pending), so later changes to leads or the filter cannot add or drop people half-way, and a restart knows
/// exactly who is still to come.
/// </summary>
internal static class AudienceSnapshot
{
    private const int BatchSize = 1000;

    /// <summary>Inserts the rows; the caller holds a transaction, so the sender sees all of them or none.</summary>
    public static async Task<int> TakeAsync(ChatCrmDbContext db, Guid campaignId, string audienceQuery, CancellationToken cancellationToken)
    {
        // Read first, then insert: one connection cannot stream a reader and write at the same time on every engine.
        // Three short columns per lead keep even 100,000 leads to a few megabytes.
        var people = await CampaignService.Audience(db, audienceQuery, CampaignChannel.Email)
            .OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Email, l.Name })
            .ToListAsync(cancellationToken);
        foreach (var batch in people.Chunk(BatchSize))
        {
            db.CampaignRecipients.AddRange(batch.Select(p => new CampaignRecipient
            {
                CampaignId = campaignId,
                LeadId = p.Id,
                Email = p.Email,
                Name = p.Name,
                Status = RecipientStatus.Pending,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return people.Count;
    }
}
