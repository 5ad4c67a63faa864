using ChatCrm.Core.Email;
using ChatCrm.Web.Components.Shared;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>How the mail queue page words and colours a mail's state and times (in the reader's zone).</summary>
internal static class MailFormat
{
    public sealed record Choice(OutboxStatus Value, string Text);

    public static readonly IReadOnlyList<Choice> Choices = Enum.GetValues<OutboxStatus>().Select(s => new Choice(s, Label(s))).ToList();

    // The state's own name (Waiting, Sending, Sent, Failed) is the word the page shows.
    public static string Label(OutboxStatus status) => status.ToString();

    public static BadgeStyle Style(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => BadgeStyle.Warning,
        OutboxStatus.Sending => BadgeStyle.Info,
        OutboxStatus.Sent => BadgeStyle.Success,
        _ => BadgeStyle.Danger,
    };

    public static string NextOrSent(OutboxRow row, ReaderClock time) => row.Status switch
    {
        OutboxStatus.Sent when row.SentAt is { } sent => "sent " + time.Short(sent),
        OutboxStatus.Waiting => "next try " + time.Short(row.NextAttemptAt),
        _ => "",
    };

    public static string Tries(int attempts) => attempts == 1 ? "1 try" : $"{attempts} tries";
}
