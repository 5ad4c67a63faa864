using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Email;

/// <summary><c>ChatCrm:Email</c>. Without <c>Smtp:Host</c>, mail goes to the outbox folder under the data folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "ChatCrm:Email";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@chatcrm.local";

    [Required, StringLength(80)]
    public string FromName { get; set; } = "ChatCrm";

    /// <summary>The address people reach the app at, for links inside mails (a campaign's unsubscribe link).</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    /// <summary>Secret: set it through the environment (ChatCrm__Email__Smtp__Password) or user secrets.</summary>
    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (System.Net.Mail's EnableSsl).</summary>
    public bool StartTls { get; set; } = true;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
