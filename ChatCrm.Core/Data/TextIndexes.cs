using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// SQLite's text indexes: FTS5 tables with the trigram tokenizer, kept by triggers (leads in migration 0004; messages,
/// ticket subjects, meetings and meeting participants in 0012). A quoted phrase of three or more characters matches
/// exactly the rows whose text contains it, ignoring case across Unicode, without reading every row's text: SQLite's
/// own upper() folds only A–Z, so ChatCrm replaces it with .NET's (<see cref="SqliteConnectionSetup"/>), and calling
/// that for each row of a table is what made a search of 10,000 meetings take 80 ms.
/// </summary>
internal static class TextIndexes
{
    /// <summary>The index holds three-character pieces; a shorter term has none to look up (callers scan instead).</summary>
    public const int MinRunes = 3;

    public static bool CanFind(ChatCrmDbContext db, string term) => db.Database.IsSqlite() && term.EnumerateRunes().Count() >= MinRunes;

    /// <summary>
    /// The rows of <paramref name="table"/> whose indexed text contains <paramref name="term"/>, through the FTS5 table
    /// <paramref name="index"/> (both names are constants of the schema, never input).
    /// </summary>
    public static IQueryable<T> Containing<T>(DbSet<T> rows, string table, string index, string term) where T : class =>
        // The names go into the text; the phrase goes as a parameter ({0} of the format).
        rows.FromSql(FormattableStringFactory.Create(
            "SELECT * FROM \"" + table + "\" WHERE rowid IN (SELECT rowid FROM \"" + index + "\" WHERE \"" + index + "\" MATCH {0})",
            Phrase(term))).AsNoTracking();

    /// <summary>
    /// The term as one quoted FTS5 phrase: FTS5 operators in it (AND, OR, NEAR, *, ^, column filters) are just text.
    /// </summary>
    public static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
