using ChatCrm.Core.Common;

namespace ChatCrm.Core.Accounts;

/// <summary>An emailed 6-digit code: the <c>otp_codes</c> document. Only a keyed hash of the code is stored.</summary>
public sealed class EmailCode
{
    public Guid Id { get; set; } = Ids.New();

    public Guid UserId { get; set; }

    public CodePurpose Purpose { get; set; }

    /// <summary>The address the code was sent to (for an email change: the new address being confirmed).</summary>
    public string SentTo { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>Set when the code was used or killed; a consumed code never verifies again.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }
}
