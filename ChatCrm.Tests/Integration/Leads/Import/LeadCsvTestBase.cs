using System.Text;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using ChatCrm.Tests.Integration.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Leads.Import;

/// <summary>CSV text in, leads out: reading, importing and reading back what the database holds.</summary>
public abstract class LeadCsvTestBase(IReadOnlyDictionary<string, string?>? settings = null) : CrmTestBase(settings)
{
    protected async Task<CsvReadResult> ReadAsync(string text, string fileName = "leads.csv", bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (byteOrderMark) bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        using var stream = new MemoryStream(bytes);
        return await Get<LeadCsvReader>().ReadAsync(stream, fileName);
    }

    protected async Task<ParsedCsv> ParseAsync(string text)
    {
        var read = await ReadAsync(text);
        Assert.True(read.Csv is not null, read.Error);
        return read.Csv!;
    }

    /// <summary>Reads and imports with the guessed mapping.</summary>
    protected async Task<LeadImportResult> ImportAsync(string text, LeadDuplicateMode duplicates = LeadDuplicateMode.Skip, Core.Accounts.Actor? actor = null)
    {
        var csv = await ParseAsync(text);
        var result = await Get<LeadImportService>().ImportAsync(actor ?? Agent, csv, LeadColumnMapping.Guess(csv.Headers), new LeadImportOptions(duplicates));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    protected async Task<List<Lead>> LeadsAsync()
    {
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        return await db.Leads.AsNoTracking().Include(l => l.Tags).OrderBy(l => l.Email).ToListAsync();
    }

    protected async Task<List<LeadActivity>> ActivitiesAsync()
    {
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        return await db.LeadActivities.AsNoTracking().ToListAsync();
    }

    protected async Task<string> ExportAsync(LeadFilter? filter = null, Core.Accounts.Actor? actor = null)
    {
        using var stream = new MemoryStream();
        await Get<LeadCsvExport>().WriteAsync(actor ?? Agent, filter ?? new LeadFilter(), stream);
        return Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
    }
}
