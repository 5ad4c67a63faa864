using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Email;

/// <summary><c>ChatCrm:Email</c>. Without <c>Smtp:Host</c>, mail goes to the outbox folder under the data folder as .eml files.</summary>
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

    [ValidateObjectMembers]
    public MailOutboxOptions Outbox { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    /// <summary>Secret: set it through the environment (ChatCrm__Email__Smtp__Password) or user secrets.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Encrypt the connection: STARTTLS, or TLS from the first byte on port 465. Required when on, never silently
    /// skipped. Off only for a server on loopback (the tests' server).
    /// </summary>
    public bool StartTls { get; set; } = true;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary><c>ChatCrm:Email:Outbox</c>: how the background sender polls, retries and forgets.</summary>
public sealed class MailOutboxOptions
{
    /// <summary>How often each server looks for due mail besides being woken by a new one (mail queued by another server).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>The first retry's delay; each later one doubles, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 15;

    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Tries before a mail is marked Failed; with the defaults about a day of retrying.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>A mail still claimed this long after its claim was cut off mid-send (a crash); it is failed, not resent.</summary>
    [Range(1, 1440)]
    public int SendingLeaseMinutes { get; set; } = 10;

    /// <summary>How long sent mail stays listed on the admin page (its bodies are cleared at once).</summary>
    [Range(1, 3650)]
    public int SentRetentionDays { get; set; } = 30;
}
