using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>How the mail queue page words and colours a mail's state and times (in the reader's zone).</summary>
internal static class MailFormat
{
    // The state's own name (Waiting, Sending, Sent, Failed) is the word the page shows.
    public static string Label(OutboxStatus status) => status.ToString();

    /// <summary>The state's badge (app-badge in app.css, the one badge of every list).</summary>
    public static Tone StatusTone(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => Tone.Warning,
        OutboxStatus.Sending => Tone.Info,
        OutboxStatus.Sent => Tone.Success,
        _ => Tone.Error,
    };

    public static string NextOrSent(OutboxRow row, ReaderClock time) => row.Status switch
    {
        OutboxStatus.Sent when row.SentAt is { } sent => "sent " + time.Short(sent),
        OutboxStatus.Waiting => "next try " + time.Short(row.NextAttemptAt),
        _ => "",
    };

    public static string Tries(int attempts) => attempts == 1 ? "1 try" : $"{attempts} tries";
}
