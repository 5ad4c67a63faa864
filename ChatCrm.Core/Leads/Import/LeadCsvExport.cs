using System.Globalization;
using System.Text;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// Writes the leads of a view (a <see cref="LeadFilter"/>) as CSV, oldest first, for agents and admins. Leads are read
/// a page at a time by key (created, id), so 100,000 leads stream in constant memory and each query is an index seek
/// rather than an ever-deeper OFFSET. The columns are the ones <see cref="LeadColumnMapping.Guess"/> recognises, so an
/// export imports back without mapping anything.
/// </summary>
public sealed class LeadCsvExport(IDbContextFactory<ChatCrmDbContext> dbFactory, IOptions<LeadCsvOptions> options)
{
    public static readonly IReadOnlyList<string> Columns =
        ["Name", "Email", "Phone", "Company", "Status", "Source", "Owner", "Tags", "Notes", "CreatedAt", "UpdatedAt"];

    private sealed record ExportRow(Guid Id, string Name, string Email, string? Phone, string? Company, LeadStatus Status, string? Source,
        Guid? OwnerId, List<string> Tags, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public async Task WriteAsync(Actor actor, LeadFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "leads");
        // A byte order mark makes Excel read the file as UTF-8 (names with accents); the import skips it.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownerEmails = new Dictionary<Guid, string>();
        var pageSize = options.Value.ExportPageSize;
        (DateTimeOffset At, Guid Id)? after = null;
        while (true)
        {
            var query = db.Leads.AsNoTracking().Apply(filter, db.LeadTags);
            if (after is var (at, id)) query = query.Where(l => l.CreatedAt > at || (l.CreatedAt == at && l.Id.CompareTo(id) > 0));
            var page = await query.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Take(pageSize)
                .Select(l => new ExportRow(l.Id, l.Name, l.Email, l.Phone, l.Company, l.Status, l.Source, l.OwnerId,
                    l.Tags.Select(t => t.Value).ToList(), l.Notes, l.CreatedAt, l.UpdatedAt))
                .ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            await LoadOwnerEmailsAsync(db, page, ownerEmails, cancellationToken);
            foreach (var lead in page)
            {
                foreach (var cell in Cells(lead, ownerEmails)) csv.WriteField(CsvFormulaGuard.Protect(cell));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
            if (page.Count < pageSize) break;
            after = (page[^1].CreatedAt, page[^1].Id);
        }
    }

    private static IEnumerable<string?> Cells(ExportRow lead, Dictionary<Guid, string> ownerEmails)
    {
        yield return lead.Name;
        yield return lead.Email;
        yield return lead.Phone;
        yield return lead.Company;
        yield return lead.Status.ToString();
        yield return lead.Source;
        yield return lead.OwnerId is { } owner ? ownerEmails.GetValueOrDefault(owner) : null;
        yield return string.Join("; ", lead.Tags.Order(StringComparer.Ordinal));
        yield return lead.Notes;
        yield return Iso(lead.CreatedAt);
        yield return Iso(lead.UpdatedAt);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Owners are a handful of agents: each one's email is read once per export, not once per lead.</summary>
    private static async Task LoadOwnerEmailsAsync(ChatCrmDbContext db, List<ExportRow> page, Dictionary<Guid, string> known, CancellationToken cancellationToken)
    {
        var missing = page.Where(l => l.OwnerId is { } id && !known.ContainsKey(id)).Select(l => l.OwnerId!.Value).Distinct().ToList();
        if (missing.Count == 0) return;
        var found = await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        foreach (var user in found) known[user.Id] = user.Email ?? "";
    }
}
