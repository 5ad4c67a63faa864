using ChatCrm.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class EmailCodeConfiguration : IEntityTypeConfiguration<EmailCode>
{
    public void Configure(EntityTypeBuilder<EmailCode> code)
    {
        code.ToTable("otp_codes");
        code.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(32);
        code.Property(c => c.SentTo).HasMaxLength(256).IsRequired();
        code.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        code.HasIndex(c => new { c.UserId, c.Purpose, c.CreatedAt });
        code.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("sessions");
        session.Ignore(s => s.IsActive);
        session.Property(s => s.IpAddress).HasMaxLength(UserSession.IpMax);
        session.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMax);
        session.HasIndex(s => new { s.UserId, s.EndedAt });
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
