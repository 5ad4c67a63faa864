using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Leads;

/// <summary>
/// The checks every way into a lead shares (the form, the CSV import, later an API), so a lead that one of them
/// accepts is never refused by another. Each check returns null when the value is fine, or a sentence fit to show
/// next to the field ("Email 'bob@' is not a valid address."); the import puts the row and column in front.
/// Values are trimmed by <see cref="Clean"/> first; empty optional values become null.
/// </summary>
public static partial class LeadRules
{
    public const int PhoneMin = 6;

    /// <summary>The characters a tag list may be split on when it arrives as one text (CSV cell, tag box).</summary>
    public static readonly char[] TagSeparators = [';', '|', ','];

    /// <summary>Trims; an empty or white-space value becomes null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? ValidateName(string? name)
    {
        name = Clean(name);
        if (name is null) return "Name is required.";
        return name.Length > Lead.NameMax ? $"Name is longer than {Lead.NameMax} characters." : null;
    }

    public static string? ValidateEmail(string? email)
    {
        email = Clean(email);
        if (email is null) return "Email is required.";
        if (email.Length > Lead.EmailMax) return $"Email is longer than {Lead.EmailMax} characters.";
        return EmailPattern().IsMatch(email) ? null : $"Email '{Shorten(email)}' is not a valid address.";
    }

    /// <summary>Optional; digits, spaces and + ( ) - . only, 6 to 32 characters, with at least one digit.</summary>
    public static string? ValidatePhone(string? phone)
    {
        phone = Clean(phone);
        if (phone is null) return null;
        if (phone.Length < PhoneMin || phone.Length > Lead.PhoneMax || !PhonePattern().IsMatch(phone) || !phone.Any(char.IsAsciiDigit))
            return $"Phone '{Shorten(phone)}' is not a valid number: use digits, spaces and + ( ) - . only, {PhoneMin} to {Lead.PhoneMax} characters.";
        return null;
    }

    public static string? ValidateCompany(string? company) => MaxLength("Company", company, Lead.CompanyMax);

    public static string? ValidateSource(string? source) => MaxLength("Source", source, Lead.SourceMax);

    public static string? ValidateNotes(string? notes) => MaxLength("Notes", notes, Lead.NotesMax);

    /// <summary>Reads a status by name (any case) or number; an empty value is <paramref name="fallback"/>.</summary>
    public static string? ParseStatus(string? text, LeadStatus fallback, out LeadStatus status)
    {
        status = fallback;
        text = Clean(text);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && Enum.TryParse<LeadStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            status = parsed;
            return null;
        }
        return $"Status '{Shorten(text)}' is not one of {string.Join(", ", Enum.GetNames<LeadStatus>())}.";
    }

    /// <summary>How a tag is stored: trimmed and lower-cased, so "VIP" and "vip" are one tag (the filter matches on it).</summary>
    public static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>Splits a text of tags on ; | or , into normalized, distinct tags (empty pieces dropped).</summary>
    public static IReadOnlyList<string> SplitTags(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(NormalizeTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>At most <see cref="Lead.MaxTags"/> tags of at most <see cref="LeadTag.ValueMax"/> characters, no control characters.</summary>
    public static string? ValidateTags(IReadOnlyCollection<string> tags)
    {
        if (tags.Count > Lead.MaxTags) return $"A lead can have at most {Lead.MaxTags} tags ({tags.Count} given).";
        foreach (var tag in tags)
        {
            if (tag.Length > LeadTag.ValueMax) return $"Tag '{Shorten(tag)}' is longer than {LeadTag.ValueMax} characters.";
            if (tag.Any(char.IsControl)) return $"Tag '{Shorten(tag)}' contains a control character.";
        }
        return null;
    }

    private static string? MaxLength(string field, string? value, int max)
    {
        value = Clean(value);
        return value is not null && value.Length > max ? $"{field} is longer than {max} characters." : null;
    }

    // Echoing a whole 4,000-character cell back would bury the message.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";

    // Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 accepts addresses no mail system
    // delivers to, and a stricter check refuses real ones; the mail server is the final judge.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9 +().\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
