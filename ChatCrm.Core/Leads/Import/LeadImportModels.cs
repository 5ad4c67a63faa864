namespace ChatCrm.Core.Leads.Import;

/// <summary>What an import does with a row whose email already belongs to a lead.</summary>
public enum LeadDuplicateMode
{
    /// <summary>Leave the existing lead alone and count the row as a skipped duplicate.</summary>
    Skip,

    /// <summary>Overwrite the existing lead's fields with the row's non-empty cells.</summary>
    Update,
}

public sealed record LeadImportOptions(LeadDuplicateMode Duplicates = LeadDuplicateMode.Skip);

/// <summary>Leads written so far out of those the import will write (failed and skipped rows are not counted).</summary>
public readonly record struct ImportProgress(int Written, int ToWrite)
{
    public double Percent => ToWrite == 0 ? 100 : 100.0 * Written / ToWrite;
}

/// <param name="Row">The spreadsheet row number (the header is row 1).</param>
/// <param name="Column">The CSV header of the cell at fault, when one cell is.</param>
public sealed record LeadImportRowIssue(int Row, string? Column, string Message)
{
    public string Text => $"Row {Row}: {Message}";
}

/// <summary>The outcome of an import; <see cref="Error"/> is set when nothing was imported at all (e.g. no email column).</summary>
public sealed record LeadImportResult(
    string? Error,
    int Created,
    int Updated,
    int SkippedDuplicates,
    IReadOnlyList<LeadImportRowIssue> Errors,
    IReadOnlyList<LeadImportRowIssue> Skipped)
{
    public bool Succeeded => Error is null;

    /// <summary>Rows that were not imported because of at least one problem.</summary>
    public int FailedRows => Errors.Select(e => e.Row).Distinct().Count();

    public static LeadImportResult Refused(string error) => new(error, 0, 0, 0, [], []);
}
