using System.Globalization;
using ChatCrm.Core.Email;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>How the mail queue page words and colours a mail's state and times (UTC, as the other admin pages).</summary>
internal static class MailFormat
{
    // The state's own name (Waiting, Sending, Sent, Failed) is the word the page shows.
    public static string Label(OutboxStatus status) => status.ToString();

    /// <summary>The badge's colour class (OutgoingMail.razor.css).</summary>
    public static string BadgeClass(OutboxStatus status) => "state-" + status.ToString().ToLowerInvariant();

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string NextOrSent(OutboxRow row) => row.Status switch
    {
        OutboxStatus.Sent when row.SentAt is { } sent => "sent " + When(sent),
        OutboxStatus.Waiting => "next try " + When(row.NextAttemptAt),
        _ => "",
    };

    public static string Tries(int attempts) => attempts == 1 ? "1 try" : $"{attempts} tries";
}
