using ChatCrm.Core.Common;

namespace ChatCrm.Core.Accounts;

/// <summary>One signed-in browser: the <c>sessions</c> document. The auth cookie carries its id.</summary>
public sealed class UserSession
{
    public const int UserAgentMax = 512;
    public const int IpMax = 64;

    public Guid Id { get; set; } = Ids.New();

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActive => EndedAt is null;
}
