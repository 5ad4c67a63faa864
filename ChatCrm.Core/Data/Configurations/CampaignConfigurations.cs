using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.Property(c => c.Name).HasMaxLength(Campaign.NameMax);
        campaign.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        campaign.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        campaign.Property(c => c.AudienceQuery).HasMaxLength(Campaign.AudienceQueryMax);
        campaign.Property(c => c.Subject).HasMaxLength(Campaign.SubjectMax);
        campaign.Property(c => c.Body).HasMaxLength(Campaign.BodyMax);
        campaign.Property(c => c.Notes).HasMaxLength(Campaign.NotesMax);
        campaign.Property(c => c.Version).IsConcurrencyToken();
        campaign.HasIndex(c => new { c.Status, c.ScheduledAt });
        campaign.HasIndex(c => c.UpdatedAt);
        campaign.HasIndex(c => c.Name);
        campaign.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> recipient)
    {
        recipient.ToTable("campaign_recipients");
        // One row per lead per campaign: the key itself forbids a second mail to the same person.
        recipient.HasKey(r => new { r.CampaignId, r.LeadId });
        recipient.Property(r => r.Email).HasMaxLength(Lead.EmailMax);
        recipient.Property(r => r.Name).HasMaxLength(Lead.NameMax);
        recipient.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        recipient.Property(r => r.Error).HasMaxLength(CampaignRecipient.ErrorMax);
        recipient.HasIndex(r => new { r.CampaignId, r.Status });
        recipient.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to leads: the record of who was mailed outlives a deleted lead.
    }
}
