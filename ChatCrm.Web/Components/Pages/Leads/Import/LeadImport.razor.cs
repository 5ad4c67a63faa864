using System.Globalization;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads.Import;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatCrm.Web.Components.Pages.Leads.Import;

internal enum ImportStep
{
    Upload,
    Map,
    Importing,
    Done,
}

/// <summary>
/// The CSV import wizard: upload (read and checked in memory), preview with column mapping, then the import with a
/// progress bar and a summary of what was created, updated, skipped and refused (per row).
/// </summary>
public sealed partial class LeadImport : ActionComponentBase, IDisposable
{
    private static readonly string[] CsvExtensions = [".csv", ".txt"];

    // Leaving the page cancels an import between two batches (those written stay written).
    private readonly CancellationTokenSource _leaving = new();

    private ImportStep _step = ImportStep.Upload;
    private ParsedCsv? _csv;
    private LeadColumnMapping _mapping = new([]);
    private LeadDuplicateMode _duplicates = LeadDuplicateMode.Skip;
    private ImportProgress _progress;
    private LeadImportResult? _result;

    [Inject] private LeadCsvReader Reader { get; set; } = default!;

    [Inject] private LeadImportService Imports { get; set; } = default!;

    protected override string ForbiddenText => "Only agents and admins can import leads.";

    private async Task ReadFileAsync(IBrowserFile? file)
    {
        if (file is null) return;
        if (!CsvExtensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase))
        {
            Outcomes.Refused($"'{file.Name}' is not a CSV file. In your spreadsheet, choose Save as / Export → CSV, then upload that file.");
            return;
        }
        if (file.Size > Reader.MaxBytes)
        {
            Outcomes.Refused($"'{file.Name}' is {Describe(file.Size)}; the limit is {Describe(Reader.MaxBytes)}. Split it into smaller files.");
            return;
        }
        await RunAsync("read lead CSV", async _ =>
        {
            CsvReadResult read;
            try
            {
                // One byte over the limit lets the reader notice a file that grew beyond its announced size.
                await using var stream = file.OpenReadStream(Reader.MaxBytes + 1, _leaving.Token);
                read = await Reader.ReadAsync(stream, file.Name, _leaving.Token);
            }
            catch (IOException)
            {
                return Result.Fail("The upload did not finish. Try again.");
            }
            if (read.Csv is not { } csv) return Result.Fail(read.Error!);
            _csv = csv;
            _mapping = LeadColumnMapping.Guess(csv.Headers);
            _step = ImportStep.Map;
            return Result.Ok();
        }, successText: null);
    }

    private async Task ImportAsync()
    {
        if (_csv is not { } csv) return;
        var mapping = _mapping;
        var choices = new LeadImportOptions(_duplicates);
        _progress = new ImportProgress(0, csv.Rows.Count);
        _step = ImportStep.Importing;
        var progress = new ThrottledProgress<ImportProgress>(TimeSpan.FromMilliseconds(150), p => p.Written == p.ToWrite,
            p => _ = InvokeAsync(() =>
            {
                _progress = p;
                StateHasChanged();
            }));
        var ok = await RunAsync("import leads", async actor =>
        {
            // Off the circuit's dispatcher: checking 20,000 rows takes a moment, and the page must keep rendering the bar.
            LeadImportResult result;
            try
            {
                result = await Task.Run(() => Imports.ImportAsync(actor, csv, mapping, choices, progress, _leaving.Token));
            }
            catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
            {
                // The person left the page: the batches written so far stay; nobody is left to tell.
                return Result.Fail("The import stopped when you left the page.");
            }
            if (!result.Succeeded) return Result.Fail(result.Error!);
            _result = result;
            return Result.Ok();
        }, successText: null);
        // A refusal (e.g. the mapping) or a failure goes back to the mapping step with its message shown.
        _step = ok ? ImportStep.Done : ImportStep.Map;
    }

    private void StartOver()
    {
        _csv = null;
        _result = null;
        _step = ImportStep.Upload;
    }

    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
