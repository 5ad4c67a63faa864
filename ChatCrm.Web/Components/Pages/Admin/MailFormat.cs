using System.Globalization;
using ChatCrm.Core.Email;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>How the mail queue page words and colours a mail's state and times (UTC, as the other admin pages).</summary>
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

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string NextOrSent(OutboxRow row) => row.Status switch
    {
        OutboxStatus.Sent when row.SentAt is { } sent => "sent " + When(sent),
        OutboxStatus.Waiting => "next try " + When(row.NextAttemptAt),
        _ => "",
    };

    public static string Tries(int attempts) => attempts == 1 ? "1 try" : $"{attempts} tries";
}
