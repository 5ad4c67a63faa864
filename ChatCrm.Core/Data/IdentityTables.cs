using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>Identity's tables under the collection names ChatCrm uses, with the indexes people search by.</summary>
internal static class IdentityTables
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMax).IsRequired();
            user.Property(u => u.UserName).HasMaxLength(AppUser.UserNameMax);
            user.Property(u => u.NormalizedUserName).HasMaxLength(AppUser.UserNameMax);
            user.Property(u => u.PhoneNumber).HasMaxLength(AppUser.PhoneMax);
            user.Property(u => u.Bio).HasMaxLength(AppUser.BioMax);
            user.Property(u => u.StatusText).HasMaxLength(AppUser.StatusTextMax);
            user.Property(u => u.AvatarFile).HasMaxLength(64);
            user.Property(u => u.TimeZone).HasMaxLength(AppUser.TimeZoneMax);
            // Columns added to existing rows need a default on SQLite. Both start on; the sentinel (the value EF leaves to
            // the default) is true, so an account created with one switched off is stored off.
            user.Property(u => u.NotifyDesktop).HasDefaultValue(true).HasSentinel(true);
            user.Property(u => u.NotifySound).HasDefaultValue(true).HasSentinel(true);
            user.Property(u => u.DigestMail).HasDefaultValue(true).HasSentinel(true);
            // Identity's own email index is not unique; ChatCrm identifies people by email, so it must be.
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            user.HasIndex(u => u.DisplayName);
            user.HasIndex(u => u.CreatedAt);
        });
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
