using System.ComponentModel.DataAnnotations;
using ChatCrm.Core.Accounts;

namespace ChatCrm.Web.Components.Account.Shared;

/// <summary>Field rules shared by the account forms, so every form gives the same message for the same mistake.</summary>
internal static class AccountFields
{
    public const int EmailMax = 256;
    public const int PasswordMax = 128;
    public const string CodePattern = @"^\s*\d{3}\s?\d{3}\s*$";
    public const string CodeMessage = "Enter the 6 digits from the email.";
}

internal sealed class EmailField
{
    [Required(ErrorMessage = "Enter your email address.")]
    [MailableAddress]
    [StringLength(AccountFields.EmailMax)]
    public string Email { get; set; } = "";
}

internal sealed class CodeField
{
    [Required(ErrorMessage = AccountFields.CodeMessage)]
    [RegularExpression(AccountFields.CodePattern, ErrorMessage = AccountFields.CodeMessage)]
    public string Code { get; set; } = "";
}
