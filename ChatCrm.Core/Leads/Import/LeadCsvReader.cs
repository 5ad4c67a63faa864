using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// Reads an uploaded lead CSV into memory (within the size and row limits), so that the page can preview it, the
/// person can map its columns, and the import can run over it. Accepts what spreadsheets write: comma or semicolon
/// separated (Excel in many European locales writes semicolons), quoted cells with separators and line breaks inside,
/// a UTF-8 byte order mark, or a legacy single-byte encoding.
/// </summary>
public sealed class LeadCsvReader(IOptions<LeadCsvOptions> options)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public long MaxBytes => options.Value.MaxBytes;

    public int MaxRows => options.Value.MaxRows;

    public async Task<CsvReadResult> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadLimitedAsync(stream, MaxBytes, cancellationToken);
        if (bytes is null) return CsvReadResult.Fail($"The file is larger than {Describe(MaxBytes)}. Split it into smaller files and import them one by one.");
        if (bytes.Length == 0) return CsvReadResult.Fail("The file is empty.");
        // A NUL byte never occurs in a text file: this is a spreadsheet (.xlsx), an image or similar.
        if (Array.IndexOf(bytes, (byte)0) >= 0) return CsvReadResult.Fail("This is not a CSV file. In your spreadsheet, choose Save as / Export → CSV, then upload that file.");

        var text = Decode(bytes);
        var delimiter = DetectDelimiter(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            // Blank lines are kept so the row numbers shown match the spreadsheet's; empty rows are dropped below.
            IgnoreBlankLines = false,
            // A stray quote inside an unquoted cell is taken literally rather than failing the whole file.
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);

        string[]? headers = null;
        var rows = new List<CsvRow>();
        var number = 0;
        while (await parser.ReadAsync())
        {
            number++;
            var record = parser.Record ?? [];
            if (headers is null)
            {
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                headers = NameHeaders(record);
                continue;
            }
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count == MaxRows)
                return CsvReadResult.Fail($"The file has more than {MaxRows:N0} rows. Split it into files of at most {MaxRows:N0} rows.");
            var cells = new string[headers.Length];
            for (var i = 0; i < cells.Length; i++) cells[i] = i < record.Length ? record[i] : "";
            rows.Add(new CsvRow(number, cells));
        }
        if (headers is null) return CsvReadResult.Fail("The file is empty.");
        if (headers.Length < 2) return CsvReadResult.Fail("The file has only one column. A lead CSV needs at least a name and an email column, separated by commas or semicolons.");
        if (rows.Count == 0) return CsvReadResult.Fail("The file has a header row but no leads under it.");
        return CsvReadResult.Ok(new ParsedCsv(Path.GetFileName(fileName), delimiter, headers, rows));
    }

    /// <summary>Null when the stream holds more than <paramref name="max"/> bytes (reading stops there).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>UTF-8 (with or without a byte order mark); a file that is not valid UTF-8 is read as Latin-1, as older Excel writes it.</summary>
    private static string Decode(byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Semicolon when the header line has more semicolons than commas outside quotes, otherwise comma.</summary>
    internal static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r' && commas + semicolons > 0) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static string[] NameHeaders(string[] record)
    {
        var headers = new string[record.Length];
        for (var i = 0; i < record.Length; i++)
        {
            var header = record[i].Trim();
            headers[i] = header.Length > 0 ? header : $"Column {i + 1}";
        }
        return headers;
    }

    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
