using System.Globalization;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Writes what the mail queue did with a campaign mail onto its recipient (Sent, Failed with the error, or Interrupted
/// when the mail was cut off mid-send), and recounts the campaign's delivered mails, which go on arriving after the
/// campaign has queued its last one.
/// </summary>
internal sealed class CampaignDeliveries : IMailOutcomeListener
{
    private const string Prefix = "campaign:";

    public static string Reference(Guid campaignId, Guid leadId) => $"{Prefix}{campaignId:N}:{leadId:N}";

    public async Task RecordAsync(ChatCrmDbContext db, string reference, OutboxStatus outcome, string? lastError, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!TryParse(reference, out var campaignId, out var leadId)) return;
        var status = outcome == OutboxStatus.Sent ? RecipientStatus.Sent
            : lastError == MailDeliveryWorker.InterruptedError ? RecipientStatus.Interrupted
            : RecipientStatus.Failed;
        DateTimeOffset? sentAt = status == RecipientStatus.Sent ? at : null;
        var recipientError = lastError is null || lastError.Length <= CampaignRecipient.ErrorMax ? lastError : lastError[..CampaignRecipient.ErrorMax];
        var recorded = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.LeadId == leadId && r.Status == RecipientStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.SentAt, sentAt)
                .SetProperty(r => r.Error, recipientError), cancellationToken);
        // Only the one caller that moved this recipient from Sending to Sent counts it, and only here: an increment is
        // applied to the row as it stands when its lock is granted, where a recount (or the sender writing its own
        // count) read a moment earlier could overwrite a delivery recorded in between.
        if (recorded != 1 || status != RecipientStatus.Sent) return;
        await db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Delivered, c => c.Delivered + 1), cancellationToken);
    }

    private static bool TryParse(string reference, out Guid campaignId, out Guid leadId)
    {
        campaignId = leadId = Guid.Empty;
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = reference[Prefix.Length..].Split(':');
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out campaignId)
            && Guid.TryParseExact(parts[1], "N", out leadId);
    }
}
