namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// An uploaded CSV read into memory: its header row and its data rows, every row padded or cut to the header's width.
/// Row numbers shown to people are spreadsheet row numbers: the header is row 1, the first data row is row 2.
/// </summary>
public sealed class ParsedCsv(string fileName, char delimiter, IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
{
    public const int PreviewRows = 10;

    public string FileName { get; } = fileName;

    public char Delimiter { get; } = delimiter;

    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>The data rows; rows whose cells are all empty are left out (their numbers are skipped).</summary>
    public IReadOnlyList<CsvRow> Rows { get; } = rows;

    public IEnumerable<CsvRow> Preview => Rows.Take(PreviewRows);
}

/// <param name="Number">The spreadsheet row number (the header is row 1).</param>
/// <param name="Cells">One cell per header, already padded or cut to the header's width.</param>
public sealed record CsvRow(int Number, string[] Cells);

/// <summary>A read file, or the reason it could not be read (too large, not a CSV, too many rows...).</summary>
public sealed record CsvReadResult(ParsedCsv? Csv, string? Error)
{
    public static CsvReadResult Ok(ParsedCsv csv) => new(csv, null);

    public static CsvReadResult Fail(string error) => new(null, error);
}
