using ChatCrm.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// The lead search through each engine's trigram text index (migration 0004). A plain "contains" has to test the
/// text of every lead: a search matching nothing reads all 100,000 of them (about 130 ms), and one matching a few
/// thousand leads sorts them all for one page. The index lists the matches directly.
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>lead_search</c>, keyed by the leads table's rowid. A quoted FTS5 phrase of three
/// or more characters matches exactly the rows whose text contains it; shorter terms have no trigram and use the scan.</item>
/// <item>PostgreSQL: Npgsql turns <c>Contains</c> into <c>LIKE '%term%'</c>, which the pg_trgm GIN index serves and
/// whose cost the planner knows from its statistics, so the plain query is already the indexed one.</item>
/// </list>
/// </summary>
public static class LeadTextIndex
{
    /// <summary>How many leads' search text contains <paramref name="term"/> (lower-case), counting no further than
    /// <paramref name="limit"/> when given; null when no index can answer without scanning.</summary>
    public static async Task<int?> CountAsync(ChatCrmDbContext db, string term, int? limit, CancellationToken cancellationToken)
    {
        if (!TextIndexes.CanFind(db, term)) return null;
        var matches = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "lead_search" WHERE "lead_search" MATCH {TextIndexes.Phrase(term)}""");
        return await (limit is { } most ? matches.Take(most) : matches).CountAsync(cancellationToken);
    }

    /// <summary>The leads whose search text contains <paramref name="term"/> (lower-case), to filter, sort and page
    /// further. On SQLite with an indexable term the database looks the matches up in the FTS table by rowid.</summary>
    public static IQueryable<Lead> Containing(ChatCrmDbContext db, string term)
    {
        if (!TextIndexes.CanFind(db, term)) return db.Leads.AsNoTracking().Where(l => l.SearchText.Contains(term));
        return TextIndexes.Containing(db.Leads, "leads", "lead_search", term);
    }
}
