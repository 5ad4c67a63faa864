using ChatCrm.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Core.Accounts;

/// <summary>A person's account: the <c>users</c> document. Identity's fields plus the profile.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMax = 80;
    public const int UserNameMax = 32;
    public const int BioMax = 500;
    public const int StatusTextMax = 140;
    public const int PhoneMax = 32;
    public const int TimeZoneMax = TimeZoneIds.Max;

    public AppUser()
    {
        Id = Ids.New();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";

    public string? Bio { get; set; }

    public string? StatusText { get; set; }

    /// <summary>Random file name under uploads/avatars; never a name the person chose.</summary>
    public string? AvatarFile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>
    /// The IANA zone every time is shown and mailed to this person in (<see cref="ReaderTime"/>). Null until their
    /// browser first tells it (or they choose one on their profile); until then they read UTC.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>A browser notification for a message in a chat not in view (once the browser allows them).</summary>
    public bool NotifyDesktop { get; set; } = true;

    /// <summary>A quiet sound for such a message.</summary>
    public bool NotifySound { get; set; } = true;

    /// <summary>A digest mail of messages left unread (Chat/ChatDigest), with its own unsubscribe link.</summary>
    public bool DigestMail { get; set; } = true;

    /// <summary>When the last digest mail was queued for them: at most one per interval.</summary>
    public DateTimeOffset? DigestSentAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Ids.New();

    public AppRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
