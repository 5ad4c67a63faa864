using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Who signs up, besides their address and password: first and last name (together the name everyone sees, which the
/// profile can change later), the user name others mention them by, and an optional mobile number.
/// </summary>
public class SignUpPerson
{
    /// <summary>Each part, so that "first last" fits <see cref="AppUser.DisplayNameMax"/>.</summary>
    public const int NamePartMax = (AppUser.DisplayNameMax - 1) / 2;

    [Required(ErrorMessage = "Enter your first name."), StringLength(NamePartMax, ErrorMessage = "At most 39 characters.")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Enter your last name."), StringLength(NamePartMax, ErrorMessage = "At most 39 characters.")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = UserNames.RequiredMessage), StringLength(AppUser.UserNameMax, MinimumLength = 3, ErrorMessage = UserNames.LengthMessage)]
    [RegularExpression(UserNames.Pattern, ErrorMessage = UserNames.PatternMessage)]
    public string UserName { get; set; } = "";

    /// <summary>Optional: an empty box is no number (the phone check would refuse an empty one).</summary>
    [Phone(ErrorMessage = "That is not a phone number."), StringLength(AppUser.PhoneMax)]
    public string? Mobile { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    public string DisplayName => $"{FirstName.Trim()} {LastName.Trim()}";
}
