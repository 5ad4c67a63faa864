using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// The one test of an address a person types: it is accepted only if MimeKit, the mailer's own parser, reads it as one
/// plain address and gives back exactly the same text (no display name, no route, no group, no comment, no trailing
/// garbage). A form's looser check let through addresses that the mail step then failed on, after the account row was
/// written; checking with the mailer's parser when the form is posted refuses them before anything is stored.
/// </summary>
public static class EmailAddresses
{
    public const string InvalidMessage = "That is not an email address we can send mail to. Use the plain form, like name@example.com.";

    public static bool IsValid(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        return MailboxAddress.TryParse(text, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && mailbox.LocalPart.Length > 0
            && mailbox.Domain.Length > 0
            && string.Equals(mailbox.Address, text, StringComparison.Ordinal);
    }
}

/// <summary>Form validation with <see cref="EmailAddresses.IsValid"/>; an empty value is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailableAddressAttribute : ValidationAttribute
{
    public MailableAddressAttribute() : base(EmailAddresses.InvalidMessage)
    {
    }

    public override bool IsValid(object? value) => value is null || value is string { Length: 0 } || (value is string text && EmailAddresses.IsValid(text));
}
