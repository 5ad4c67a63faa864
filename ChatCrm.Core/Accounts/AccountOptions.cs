using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Accounts;

/// <summary><c>ChatCrm:Accounts</c>: code lifetimes, limits and lockout. The defaults are the product's policy.</summary>
public sealed class AccountOptions
{
    public const string Section = "ChatCrm:Accounts";

    [Range(1, 60)]
    public int CodeLifetimeMinutes { get; set; } = 5;

    [Range(1, 10)]
    public int CodeMaxAttempts { get; set; } = 3;

    [Range(1, 3600)]
    public int ResendCooldownSeconds { get; set; } = 60;

    [Range(1, 1000)]
    public int CodesPerAddressPerHour { get; set; } = 5;

    [Range(1, 10000)]
    public int CodesPerIpPerHour { get; set; } = 30;

    /// <summary>Form posts (sign-in, sign-up, code checks) per IP address per minute.</summary>
    [Range(1, 10000)]
    public int AccountPostsPerIpPerMinute { get; set; } = 20;

    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How often an open page re-checks that its session, account and security stamp are still good.</summary>
    [Range(1, 3600)]
    public int CircuitRevalidationSeconds { get; set; } = 30;

    /// <summary>
    /// Secret key for hashing email codes. Without it, a random key is kept in the data folder; several servers must
    /// all have the same one (required with ConnectionStrings:Redis).
    /// </summary>
    public string? CodeHashKey { get; set; }
}
