using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Leads;

/// <summary>
/// The field rules of the lead form, kept apart from the service so the form can run them as a person types and
/// the service runs them again on save (the server is the one that counts).
/// </summary>
public static partial class LeadValidation
{
    public const int PhoneMin = 6;

    /// <summary>Checks every field; the keys are <see cref="LeadInput"/> property names.</summary>
    public static Dictionary<string, string> Validate(LeadInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(LeadInput.Name)] = "Enter the lead's name.";
        else if (name.Length > Lead.NameMax) errors[nameof(LeadInput.Name)] = $"The name can be at most {Lead.NameMax} characters.";

        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) errors[nameof(LeadInput.Email)] = "Enter an email address.";
        else if (email.Length > Lead.EmailMax) errors[nameof(LeadInput.Email)] = $"The email can be at most {Lead.EmailMax} characters.";
        else if (!IsEmail(email)) errors[nameof(LeadInput.Email)] = "Enter a valid email address, like name@example.com.";

        var phone = input.Phone?.Trim() ?? "";
        if (phone.Length > 0 && (phone.Length < PhoneMin || phone.Length > Lead.PhoneMax || !PhonePattern().IsMatch(phone) || !phone.Any(char.IsAsciiDigit)))
            errors[nameof(LeadInput.Phone)] = $"Enter a phone number of {PhoneMin} to {Lead.PhoneMax} characters: digits, spaces and + ( ) - . only.";

        if ((input.Company?.Trim().Length ?? 0) > Lead.CompanyMax)
            errors[nameof(LeadInput.Company)] = $"The company can be at most {Lead.CompanyMax} characters.";
        if ((input.Source?.Trim().Length ?? 0) > Lead.SourceMax)
            errors[nameof(LeadInput.Source)] = $"The source can be at most {Lead.SourceMax} characters.";
        if ((input.Notes?.Trim().Length ?? 0) > Lead.NotesMax)
            errors[nameof(LeadInput.Notes)] = $"The notes can be at most {Lead.NotesMax} characters.";
        if (!Enum.IsDefined(input.Status)) errors[nameof(LeadInput.Status)] = "Choose a status.";

        var tags = NormalizeTags(input.Tags);
        if (tags.Count > Lead.MaxTags) errors[nameof(LeadInput.Tags)] = $"A lead can have at most {Lead.MaxTags} tags.";
        else if (tags.Any(t => t.Length > LeadTag.ValueMax)) errors[nameof(LeadInput.Tags)] = $"Each tag can be at most {LeadTag.ValueMax} characters.";
        return errors;
    }

    /// <summary>Trimmed, lower-case, without blanks or repeats, in the order given.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Tags typed as one line: "vip, trade fair; q3".</summary>
    public static List<string> ParseTags(string? text) =>
        NormalizeTags((text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));

    public static bool IsEmail(string email)
    {
        // MailAddress accepts display-name forms ("Ann <a@b.c>"); only a bare address that round-trips counts, and
        // it must have a dot in the domain so "ann@localhost" typos are caught.
        if (email.Contains(' ', StringComparison.Ordinal) || !MailAddress.TryCreate(email, out var parsed)) return false;
        return parsed.Address == email && parsed.Host.Contains('.', StringComparison.Ordinal) && !parsed.Host.EndsWith('.');
    }

    [GeneratedRegex(@"^[0-9 +().\-]+$")]
    private static partial Regex PhonePattern();
}
