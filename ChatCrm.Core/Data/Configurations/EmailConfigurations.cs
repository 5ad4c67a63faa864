using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable("mail_outbox");
        mail.Property(m => m.To).HasMaxLength(OutboxMail.AddressMax).IsRequired();
        mail.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMax).IsRequired();
        mail.Property(m => m.TextBody).IsRequired();
        mail.Property(m => m.HtmlBody).IsRequired();
        mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        mail.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMax);
        mail.Property(m => m.Reference).HasMaxLength(OutboxMail.ReferenceMax);
        // The sender's "what is due" query, and the admin page's list (newest first, optionally one status).
        mail.HasIndex(m => new { m.Status, m.NextAttemptAt });
        mail.HasIndex(m => new { m.Status, m.CreatedAt });
        mail.HasIndex(m => m.CreatedAt);
    }
}
