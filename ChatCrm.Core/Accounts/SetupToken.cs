namespace ChatCrm.Core.Accounts;

/// <summary>
/// The first admin's setup link, as a SHA-256 hash only: in the database, so the link printed by one server works
/// through any server behind the balancer. At most one row: each start replaces it, creating the admin removes it.
/// </summary>
public sealed class SetupToken
{
    public const int HashLength = 32;

    public byte[] TokenHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
