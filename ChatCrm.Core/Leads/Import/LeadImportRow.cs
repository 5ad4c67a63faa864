namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// One CSV row checked against <see cref="LeadRules"/>: the values to write, or the problems found. A mapped cell
/// that is empty counts as "not given": a new lead gets the default, an updated lead keeps its value.
/// </summary>
internal sealed class LeadImportRow
{
    public required int Row { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public string NormalizedEmail => Email.ToLowerInvariant();

    public string? Phone { get; init; }

    public string? Company { get; init; }

    public LeadStatus? Status { get; init; }

    public string? Source { get; init; }

    /// <summary>Null when the row gives no tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public string? Notes { get; init; }

    public Guid? OwnerId { get; init; }

    /// <summary>The checked row, or null with the row's problems added to <paramref name="issues"/>.</summary>
    /// <param name="staffByEmail">Agents and admins by upper-cased email (Identity's normalized form).</param>
    public static LeadImportRow? Check(CsvRow row, IReadOnlyList<string> headers, LeadColumnMapping mapping,
        IReadOnlyDictionary<string, Guid> staffByEmail, List<LeadImportRowIssue> issues)
    {
        var before = issues.Count;

        string? Cell(LeadField field)
        {
            var column = mapping.ColumnOf(field);
            return column < 0 ? null : LeadRules.Clean(CsvFormulaGuard.Unprotect(row.Cells[column]));
        }

        void Check(LeadField field, string? error)
        {
            if (error is null) return;
            var column = mapping.ColumnOf(field);
            issues.Add(new LeadImportRowIssue(row.Number, column < 0 ? null : headers[column], error));
        }

        var name = Cell(LeadField.Name);
        Check(LeadField.Name, LeadRules.ValidateName(name));
        var email = Cell(LeadField.Email);
        Check(LeadField.Email, LeadRules.ValidateEmail(email));
        var phone = Cell(LeadField.Phone);
        Check(LeadField.Phone, LeadRules.ValidatePhone(phone));
        var company = Cell(LeadField.Company);
        Check(LeadField.Company, LeadRules.ValidateCompany(company));
        var source = Cell(LeadField.Source);
        Check(LeadField.Source, LeadRules.ValidateSource(source));
        var notes = Cell(LeadField.Notes);
        Check(LeadField.Notes, LeadRules.ValidateNotes(notes));

        var statusText = Cell(LeadField.Status);
        Check(LeadField.Status, LeadRules.ParseStatus(statusText, LeadStatus.New, out var status));

        var tagText = Cell(LeadField.Tags);
        var tags = tagText is null ? null : LeadRules.SplitTags(tagText);
        if (tags is not null) Check(LeadField.Tags, LeadRules.ValidateTags(tags));

        Guid? ownerId = null;
        if (Cell(LeadField.OwnerEmail) is { } ownerEmail)
        {
            if (staffByEmail.TryGetValue(ownerEmail.ToUpperInvariant(), out var id)) ownerId = id;
            else Check(LeadField.OwnerEmail, $"Owner '{ownerEmail}' is not the email of an agent or admin.");
        }

        if (issues.Count > before) return null;
        return new LeadImportRow
        {
            Row = row.Number,
            Name = name!,
            Email = email!,
            Phone = phone,
            Company = company,
            Status = statusText is null ? null : status,
            Source = source,
            Tags = tags,
            Notes = notes,
            OwnerId = ownerId,
        };
    }

    public Lead ToNewLead(Guid actorId, DateTimeOffset now)
    {
        var lead = new Lead
        {
            Name = Name,
            Email = Email,
            Phone = Phone,
            Company = Company,
            Status = Status ?? LeadStatus.New,
            Source = Source,
            Notes = Notes,
            OwnerId = OwnerId,
            CreatedById = actorId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        lead.Tags = (Tags ?? []).Select(t => new LeadTag { LeadId = lead.Id, Value = t }).ToList();
        lead.RefreshDerived();
        return lead;
    }

    /// <summary>Copies the given values onto a tracked lead; returns the names of the fields that changed.</summary>
    public List<string> ApplyTo(Lead lead, Action<LeadTag> removeTag, Action<LeadTag> addTag)
    {
        var changed = new List<string>();
        void Set(string field, string? value, string? current, Action<string> assign)
        {
            if (value is null || value == current) return;
            assign(value);
            changed.Add(field);
        }

        Set("name", Name, lead.Name, v => lead.Name = v);
        Set("email", Email, lead.Email, v => lead.Email = v);
        Set("phone", Phone, lead.Phone, v => lead.Phone = v);
        Set("company", Company, lead.Company, v => lead.Company = v);
        Set("source", Source, lead.Source, v => lead.Source = v);
        Set("notes", Notes, lead.Notes, v => lead.Notes = v);
        if (Status is { } status && status != lead.Status)
        {
            lead.Status = status;
            changed.Add("status");
        }
        if (OwnerId is { } owner && owner != lead.OwnerId)
        {
            lead.OwnerId = owner;
            changed.Add("owner");
        }
        if (Tags is not null)
        {
            var removed = lead.Tags.Where(t => !Tags.Contains(t.Value)).ToList();
            var added = Tags.Where(t => lead.Tags.All(existing => existing.Value != t)).ToList();
            foreach (var tag in removed) removeTag(tag);
            foreach (var tag in added) addTag(new LeadTag { LeadId = lead.Id, Value = tag });
            if (removed.Count + added.Count > 0) changed.Add("tags");
        }
        return changed;
    }
}
