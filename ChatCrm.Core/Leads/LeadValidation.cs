namespace ChatCrm.Core.Leads;

/// <summary>
/// The lead form's checks, kept apart from the service so the form can run them as a person types and the service
/// runs them again on save (the server is the one that counts). Each field uses the same <see cref="LeadRules"/> as
/// the CSV import, so a lead one way accepts is never refused by the other.
/// </summary>
public static class LeadValidation
{
    /// <summary>Checks every field; the keys are <see cref="LeadInput"/> property names.</summary>
    public static Dictionary<string, string> Validate(LeadInput input)
    {
        var errors = new Dictionary<string, string>();
        void Check(string field, string? error)
        {
            if (error is not null) errors[field] = error;
        }

        Check(nameof(LeadInput.Name), LeadRules.ValidateName(input.Name));
        Check(nameof(LeadInput.Email), LeadRules.ValidateEmail(input.Email));
        Check(nameof(LeadInput.Phone), LeadRules.ValidatePhone(input.Phone));
        Check(nameof(LeadInput.Company), LeadRules.ValidateCompany(input.Company));
        Check(nameof(LeadInput.Source), LeadRules.ValidateSource(input.Source));
        Check(nameof(LeadInput.Notes), LeadRules.ValidateNotes(input.Notes));
        if (!Enum.IsDefined(input.Status)) errors[nameof(LeadInput.Status)] = "Choose a status.";
        Check(nameof(LeadInput.Tags), LeadRules.ValidateTags(NormalizeTags(input.Tags)));
        return errors;
    }

    /// <summary>Trimmed, lower-case, without blanks or repeats, in the order given.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(LeadRules.NormalizeTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Tags typed as one line: "vip, trade fair; q3".</summary>
    public static List<string> ParseTags(string? text) => [.. LeadRules.SplitTags(text)];

    public static bool IsEmail(string email) => LeadRules.ValidateEmail(email) is null;
}
