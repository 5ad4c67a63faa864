using System.Text;

namespace ChatCrm.Core.Leads.Import;

/// <summary>The lead field a CSV column fills.</summary>
public enum LeadField
{
    Ignore = 0,
    Name,
    Email,
    Phone,
    Company,
    Status,
    Source,
    Tags,
    Notes,
    OwnerEmail,
}

/// <summary>
/// Which lead field each CSV column fills, by column position (two columns may share a header text). Built by
/// <see cref="Guess"/> from the header names, then adjusted by the person on the preview step.
/// </summary>
public sealed class LeadColumnMapping
{
    private readonly LeadField[] _fields;

    public LeadColumnMapping(IReadOnlyList<LeadField> fields) => _fields = [.. fields];

    public IReadOnlyList<LeadField> Fields => _fields;

    public LeadField this[int column] => column < _fields.Length ? _fields[column] : LeadField.Ignore;

    /// <summary>The column a field is mapped to, or -1.</summary>
    public int ColumnOf(LeadField field) => field == LeadField.Ignore ? -1 : Array.IndexOf(_fields, field);

    public LeadColumnMapping With(int column, LeadField field)
    {
        var fields = (LeadField[])_fields.Clone();
        fields[column] = field;
        return new LeadColumnMapping(fields);
    }

    /// <summary>Null when the mapping can be imported: Name and Email mapped, no field mapped twice.</summary>
    public string? Validate(IReadOnlyList<string> headers)
    {
        var missing = new[] { LeadField.Name, LeadField.Email }.Where(f => ColumnOf(f) < 0).Select(Label).ToList();
        if (missing.Count > 0) return $"Choose the column that holds the lead's {string.Join(" and the ", missing)}.";
        var twice = _fields.Where(f => f != LeadField.Ignore).GroupBy(f => f).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            var columns = _fields.Select((f, i) => (f, i)).Where(x => x.f == twice.Key).Select(x => $"'{headers[x.i]}'");
            return $"{Label(twice.Key)} is chosen for more than one column ({string.Join(", ", columns)}); choose it for one.";
        }
        return null;
    }

    /// <summary>A guess from the header names (any case, spaces, dashes and underscores ignored); unknown headers are ignored.</summary>
    public static LeadColumnMapping Guess(IReadOnlyList<string> headers)
    {
        var fields = new LeadField[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            // The first column that matches a field takes it; a second "Email" column stays ignored.
            if (Synonyms.TryGetValue(Key(headers[i]), out var field) && !fields.Contains(field)) fields[i] = field;
        }
        return new LeadColumnMapping(fields);
    }

    public static string Label(LeadField field) => field switch
    {
        LeadField.Ignore => "(do not import)",
        LeadField.OwnerEmail => "owner email",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static string Key(string header)
    {
        var key = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) key.Append(c);
        }
        return key.ToString();
    }

    private static readonly Dictionary<string, LeadField> Synonyms = new Dictionary<string, LeadField>
    {
        ["name"] = LeadField.Name, ["fullname"] = LeadField.Name, ["contact"] = LeadField.Name, ["contactname"] = LeadField.Name,
        ["leadname"] = LeadField.Name, ["person"] = LeadField.Name,
        ["email"] = LeadField.Email, ["emailaddress"] = LeadField.Email, ["mail"] = LeadField.Email, ["emailadresse"] = LeadField.Email,
        ["phone"] = LeadField.Phone, ["phonenumber"] = LeadField.Phone, ["telephone"] = LeadField.Phone, ["tel"] = LeadField.Phone,
        ["mobile"] = LeadField.Phone, ["mobilephone"] = LeadField.Phone, ["cell"] = LeadField.Phone,
        ["company"] = LeadField.Company, ["organisation"] = LeadField.Company, ["organization"] = LeadField.Company,
        ["companyname"] = LeadField.Company, ["org"] = LeadField.Company, ["account"] = LeadField.Company, ["business"] = LeadField.Company,
        ["status"] = LeadField.Status, ["stage"] = LeadField.Status, ["leadstatus"] = LeadField.Status,
        ["source"] = LeadField.Source, ["leadsource"] = LeadField.Source, ["channel"] = LeadField.Source, ["origin"] = LeadField.Source,
        ["tags"] = LeadField.Tags, ["tag"] = LeadField.Tags, ["labels"] = LeadField.Tags, ["label"] = LeadField.Tags,
        ["notes"] = LeadField.Notes, ["note"] = LeadField.Notes, ["comments"] = LeadField.Notes, ["comment"] = LeadField.Notes,
        ["description"] = LeadField.Notes,
        ["owner"] = LeadField.OwnerEmail, ["owneremail"] = LeadField.OwnerEmail, ["assignedto"] = LeadField.OwnerEmail,
        ["agent"] = LeadField.OwnerEmail, ["agentemail"] = LeadField.OwnerEmail, ["assignee"] = LeadField.OwnerEmail,
    };
}
