using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// Imports a read CSV as leads, for agents and admins. Every row is checked with <see cref="LeadRules"/> (the lead
/// form's rules) first; bad rows are reported with their row number and the good ones are still imported. Rows are
/// de-duplicated by normalized email against the database and within the file (the first row with an address wins).
/// Leads are written in batches, each in one transaction: a failure loses at most the batch in progress. New rows go
/// through one prepared INSERT per table (<see cref="BulkInsert{T}"/>) rather than SaveChanges, which keeps a
/// 10,000-row import well under 10 seconds; updates go through SaveChanges and its version check.
/// </summary>
public sealed class LeadImportService(IDbContextFactory<ChatCrmDbContext> dbFactory, IOptions<LeadCsvOptions> options, TimeProvider clock)
{
    public async Task<LeadImportResult> ImportAsync(Actor actor, ParsedCsv csv, LeadColumnMapping mapping, LeadImportOptions choices,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, "leads");
        if (mapping.Fields.Count != csv.Headers.Count) return LeadImportResult.Refused("The column choices do not fit this file; upload it again.");
        if (mapping.Validate(csv.Headers) is { } mappingError) return LeadImportResult.Refused(mappingError);

        var errors = new List<LeadImportRowIssue>();
        var skipped = new List<LeadImportRowIssue>();
        var staff = mapping.ColumnOf(LeadField.OwnerEmail) >= 0 ? await StaffByEmailAsync(cancellationToken) : new Dictionary<string, Guid>();

        // Check every row, and keep the first good row of each address.
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var good = new List<LeadImportRow>(csv.Rows.Count);
        foreach (var row in csv.Rows)
        {
            if (LeadImportRow.Check(row, csv.Headers, mapping, staff, errors) is not { } checkedRow) continue;
            if (firstRowOf.TryGetValue(checkedRow.NormalizedEmail, out var first))
            {
                skipped.Add(new LeadImportRowIssue(row.Number, null, $"Same email as row {first} ({checkedRow.Email}); only row {first} is imported."));
                continue;
            }
            firstRowOf[checkedRow.NormalizedEmail] = row.Number;
            good.Add(checkedRow);
        }

        var existing = await ExistingLeadsAsync(firstRowOf.Keys, cancellationToken);
        var writes = new List<(LeadImportRow Row, Guid? ExistingId)>(good.Count);
        foreach (var row in good)
        {
            if (!existing.TryGetValue(row.NormalizedEmail, out var existingId)) writes.Add((row, null));
            else if (choices.Duplicates == LeadDuplicateMode.Update) writes.Add((row, existingId));
            else skipped.Add(new LeadImportRowIssue(row.Row, null, $"A lead with the email {row.Email} already exists; it was left as it is."));
        }

        int created = 0, updated = 0, written = 0;
        progress?.Report(new ImportProgress(0, writes.Count));
        foreach (var batch in writes.Chunk(options.Value.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await WriteBatchAsync(actor, csv.FileName, batch, cancellationToken);
            if (outcome is { } counts)
            {
                created += counts.Created;
                updated += counts.Updated;
            }
            else
            {
                errors.AddRange(batch.Select(w => new LeadImportRowIssue(w.Row.Row, null,
                    "Not saved: someone changed one of the leads this part of the file updates while it was imported. Import the file again.")));
            }
            written += batch.Length;
            progress?.Report(new ImportProgress(written, writes.Count));
        }

        if (created + updated > 0)
        {
            // Thousands of new rows change what the lead list's query plans should be.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await DatabaseProviders.RefreshStatisticsAsync(db, cancellationToken);
        }

        // OrderBy is stable: a row's problems stay in column order.
        return new LeadImportResult(null, created, updated, skipped.Count, [.. errors.OrderBy(e => e.Row)], [.. skipped.OrderBy(s => s.Row)]);
    }

    /// <returns>The counts, or null when a lead to update was changed by someone else meanwhile (nothing of the batch is saved).</returns>
    private async Task<(int Created, int Updated)?> WriteBatchAsync(Actor actor, string fileName, (LeadImportRow Row, Guid? ExistingId)[] batch,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only the updated leads are tracked, and each is changed once: one explicit scan before saving replaces
        // EF's scan of every tracked entity on each change.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow();
        var source = $"Imported from {Truncate(fileName, 200)}";

        var updateIds = batch.Where(w => w.ExistingId is not null).Select(w => w.ExistingId!.Value).ToList();
        var toUpdate = updateIds.Count == 0
            ? new Dictionary<Guid, Lead>()
            : await db.Leads.Include(l => l.Tags).Where(l => updateIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);

        // One transaction for the batch: its new rows (written directly, see BulkInsert) and its updates commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var leads = new BulkInsert<Lead>(db);
        using var tags = new BulkInsert<LeadTag>(db);
        using var activities = new BulkInsert<LeadActivity>(db);
        int created = 0, updated = 0;
        foreach (var (row, existingId) in batch)
        {
            if (existingId is null)
            {
                var lead = row.ToNewLead(actor.UserId, now);
                await leads.AddAsync(lead, cancellationToken);
                foreach (var tag in lead.Tags) await tags.AddAsync(tag, cancellationToken);
                await activities.AddAsync(new LeadActivity { LeadId = lead.Id, Kind = LeadActivityKind.Imported, Text = source, ActorId = actor.UserId, At = now },
                    cancellationToken);
                created++;
            }
            else if (toUpdate.TryGetValue(existingId.Value, out var lead))
            {
                var changed = row.ApplyTo(lead, tag => db.LeadTags.Remove(tag), tag => db.LeadTags.Add(tag));
                if (changed.Count == 0) continue;
                lead.RefreshDerived();
                lead.UpdatedAt = now;
                // The version is bumped against the one just loaded: an editor open on this lead gets a conflict
                // rather than overwriting the import, and an edit saved since the load fails this batch.
                lead.Version++;
                db.LeadActivities.Add(new LeadActivity
                {
                    LeadId = lead.Id, Kind = LeadActivityKind.Imported, ActorId = actor.UserId, At = now,
                    Text = Truncate($"Updated from {Truncate(fileName, 200)}: {string.Join(", ", changed)}", LeadActivity.TextMax),
                });
                updated++;
            }
            // A duplicate deleted since the check is simply not there to update any more.
        }
        if (updated > 0)
        {
            db.ChangeTracker.DetectChanges();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Disposing the transaction uncommitted rolls back the batch's new rows too.
                return null;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return (created, updated);
    }

    /// <summary>Agents and admins by upper-cased email: the people a lead may be assigned to.</summary>
    private async Task<Dictionary<string, Guid>> StaffByEmailAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staff = await PeopleByRole.Staff(db).Where(u => u.NormalizedEmail != null).Select(u => new { u.Id, u.NormalizedEmail })
            .ToListAsync(cancellationToken);
        return staff.DistinctBy(s => s.NormalizedEmail).ToDictionary(s => s.NormalizedEmail!, s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The existing lead per normalized email (the oldest, when two leads share one).</summary>
    private async Task<Dictionary<string, Guid>> ExistingLeadsAsync(IEnumerable<string> normalizedEmails, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in normalizedEmails.Chunk(500))
        {
            var matches = await db.Leads.AsNoTracking().Where(l => chunk.Contains(l.NormalizedEmail))
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new { l.NormalizedEmail, l.Id }).ToListAsync(cancellationToken);
            foreach (var match in matches) found.TryAdd(match.NormalizedEmail, match.Id);
        }
        return found;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
