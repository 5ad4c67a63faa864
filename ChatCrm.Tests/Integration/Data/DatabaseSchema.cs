using System.Data.Common;
using System.Text.RegularExpressions;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Data;

/// <summary>
/// A database's schema as a sorted set of one-line facts ("column users.Email TEXT NULL", "index ..."), so two
/// schemas compare with set differences and a mismatch reads as a list. Column order is left out on purpose: a later
/// migration appends with ALTER TABLE while a fresh create follows the model's order, and neither changes behaviour.
/// </summary>
internal static partial class DatabaseSchema
{
    public static async Task<SortedSet<string>> ReadAsync(ChatCrmDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Empty when equal; otherwise every fact that only one side has.</summary>
    public static string Differences(SortedSet<string> migrated, SortedSet<string> model, string provider)
    {
        var onlyMigrated = migrated.Except(model).Select(f => "  only after MigrateAsync:     " + f);
        var onlyModel = model.Except(migrated).Select(f => "  only after EnsureCreatedAsync: " + f);
        var lines = onlyMigrated.Concat(onlyModel).ToList();
        return lines.Count == 0 ? "" : $"{provider}: the migration scripts and the model disagree:\n{string.Join('\n', lines)}";
    }

    // EF's own bookkeeping: the history table, and on SQLite the lock table migrations take.
    private static bool IsEfBookkeeping(string table) => table.StartsWith("__EFMigrations", StringComparison.Ordinal);

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var all = (await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
            .Where(t => !IsEfBookkeeping(t[0]) && !t[0].StartsWith("sqlite_", StringComparison.Ordinal)).ToList();
        // A virtual table (FTS5) is one fact, its full definition; the shadow tables FTS5 keeps for it follow from that.
        var virtualTables = all.Where(t => t[1].StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var v in virtualTables) facts.Add($"virtual table {v[0]}: {Normalize(v[1])}");
        var tables = all.Where(t => !virtualTables.Any(v => t[0] == v[0] || t[0].StartsWith(v[0] + "_", StringComparison.Ordinal))).ToList();
        foreach (var t in await QueryAsync(connection, "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'"))
        {
            facts.Add($"trigger {t[0]}.{t[1]}: {Normalize(t[2])}");
        }
        var indexSql = (await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index'")).ToDictionary(r => r[0], r => r[1]);
        foreach (var (table, sql) in tables.Select(t => (t[0], t[1])))
        {
            // AUTOINCREMENT shows only in the table's SQL; it decides whether ids may be reused.
            facts.Add($"table {table}{(sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " AUTOINCREMENT" : "")}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
            {
                facts.Add($"column {table}.{c[0]} {c[1]} {(c[2] == "1" ? "NOT NULL" : "NULL")} default={c[3]} pk={c[4]}");
            }
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name, \"desc\" FROM pragma_index_xinfo('{i[0]}') WHERE key = 1 ORDER BY seqno");
                var filter = i[3] == "1" && indexSql.GetValueOrDefault(i[0]) is { } create ? " WHERE " + Normalize(create[(create.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) + 7)..]) : "";
                facts.Add($"index {table}.{i[0]}{(i[1] == "1" ? " UNIQUE" : "")} ({string.Join(", ", columns.Select(c => c[0] + (c[1] == "1" ? " DESC" : "")))}) origin={i[2]}{filter}");
            }
            var keys = await QueryAsync(connection, $"SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq");
            foreach (var fk in keys.GroupBy(k => k[0]))
            {
                var first = fk.First();
                facts.Add($"fk {table}({string.Join(", ", fk.Select(k => k[2]))}) -> {first[1]}({string.Join(", ", fk.Select(k => k[3]))}) on update {first[4]} on delete {first[5]}");
            }
        }
        return facts;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
        {
            if (!IsEfBookkeeping(t[0])) facts.Add($"table {t[0]}");
        }
        const string columns = """
            SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation, collation_name
            FROM information_schema.columns WHERE table_schema = 'public'
            """;
        foreach (var c in await QueryAsync(connection, columns))
        {
            if (IsEfBookkeeping(c[0])) continue;
            facts.Add($"column {c[0]}.{c[1]} {c[2]} ({c[3]}) length={c[4]} precision={c[5]},{c[6]} {(c[7] == "YES" ? "NULL" : "NOT NULL")} " +
                $"default={c[8]} identity={c[9]} {c[10]} collation={c[11]}");
        }
        // indexdef is PostgreSQL's own canonical text: uniqueness, method, columns, order and filter in one string.
        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            if (!IsEfBookkeeping(i[0])) facts.Add($"index {i[0]}.{i[1]}: {i[2]}");
        }
        // information_schema splits a multi-column foreign key over three views; pg_constraint states each one whole.
        const string constraints = """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'f', 'u', 'c')
            """;
        foreach (var c in await QueryAsync(connection, constraints))
        {
            var table = c[0].Trim('"');
            if (!IsEfBookkeeping(table)) facts.Add($"constraint {table}.{c[1]}: {c[2]}");
        }
        return facts;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }

    private static string Normalize(string sql) => Whitespace().Replace(sql, " ").Trim().TrimEnd(';');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
