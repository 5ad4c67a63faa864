using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

/// <summary>What every server of one ChatCrm shares besides the data: the key ring and the setup link.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key) => key.ToTable("data_protection_keys");
}

internal sealed class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> token)
    {
        token.ToTable("setup_tokens");
        token.HasKey(t => t.TokenHash);
        token.Property(t => t.TokenHash).HasMaxLength(SetupToken.HashLength);
    }
}
