using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// What an admin fills in to create an account. The admin page's form shows these rules beside its fields, and
/// <see cref="AdminAccountService.CreateAsync(Actor, NewAccountInput, CancellationToken)"/> checks the same ones again.
/// </summary>
public sealed class NewAccountInput : IValidatableObject
{
    public const string DisplayNameRequired = "Enter a display name.";
    public const string EmailRequired = "Enter an email address.";
    public const string RoleRequired = "Choose a role: Admin, Agent or Client.";

    [Required(ErrorMessage = DisplayNameRequired)]
    [StringLength(AppUser.DisplayNameMax, ErrorMessage = "Use at most {1} characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = EmailRequired)]
    [MailableAddress]
    public string Email { get; set; } = "";

    public string Role { get; set; } = Roles.Client;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Roles.All.Contains(Role)) yield return new ValidationResult(RoleRequired, [nameof(Role)]);
    }

    /// <summary>Every broken rule, field name → sentence (the first per field), empty when the input may be saved.</summary>
    public IReadOnlyDictionary<string, string> Check()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>();
        foreach (var result in results)
            foreach (var member in result.MemberNames)
                errors.TryAdd(member, result.ErrorMessage ?? "This value is not allowed.");
        return errors;
    }
}
