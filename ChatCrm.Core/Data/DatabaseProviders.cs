using ChatCrm.Core.Leads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace ChatCrm.Core.Data;

/// <summary>
/// Everything that differs between database engines lives here and in the migration scripts beside it, so services
/// stay provider-neutral and a document provider (MongoDB) can be added in this one place when it can be restored.
/// The lead search's text index is engine-specific too; <see cref="LeadTextIndex"/> holds its queries.
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider)
        {
            case Sqlite:
                options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSetup.Instance);
                break;
            case PostgreSql:
                options.UseNpgsql(WithPreparedStatements(connectionString));
                break;
            default:
                throw new InvalidOperationException(
                    $"ChatCrm:DatabaseProvider '{provider}' is not supported; use {Sqlite} or {PostgreSql}.");
        }

        // Migrations are written without the EF design tool (it cannot be restored here), so there is no model
        // snapshot to compare against; SchemaMatchesModelTests prove instead that migrating yields the model's schema.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Npgsql prepares nothing unless asked; with auto-prepare each pooled connection keeps its most used statements
    /// prepared, so PostgreSQL stops parsing and planning the app's hot queries (a message sent runs six) on every call.
    /// In the cluster benchmark (docs/benchmarks.md) it raised what one machine stores from about 580 to 670 messages a
    /// second. A connection string that sets a <c>Max Auto Prepare</c> number of its own keeps it.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = AutoPreparedStatements;
        return builder.ConnectionString;
    }

    /// <summary>Enough for every query a busy page or the chat runs, far below PostgreSQL's limits.</summary>
    internal const int AutoPreparedStatements = 64;

    public static void ConfigureConventions(string? providerName, ModelConfigurationBuilder builder)
    {
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot compare or order DateTimeOffset stored as text; as a UTC binary number it can.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>
    /// Model parts only one engine has. PostgreSQL keeps a trigram (pg_trgm) GIN index on the lead search text, which
    /// serves the <c>LIKE '%term%'</c> that Npgsql makes of <c>Contains</c>. SQLite's equivalent, an FTS5 trigram
    /// table kept by triggers, cannot be expressed in the model: migration 0004 creates it and
    /// <see cref="LeadTextIndex"/> queries it.
    /// </summary>
    public static void ConfigureModel(string? providerName, ModelBuilder builder)
    {
        if (providerName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Lead>().HasIndex(l => l.SearchText, "IX_leads_SearchText_trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    /// <summary>
    /// Lets the query planner know the data's shape. Without statistics SQLite guesses, and on 100,000 leads a
    /// "status = X order by name" page sorts every matching row (about 25 ms) instead of walking the name index (under
    /// 1 ms). PostgreSQL's autovacuum keeps its own statistics. Cheap when nothing changed; call after start-up and
    /// after bulk writes such as an import.
    /// </summary>
    public static async Task RefreshStatisticsAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return;
        // 0x10002: also analyze tables that have no statistics yet (a fresh or upgraded database).
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        // FTS5 (the lead text index) plans its own queries on its shadow tables and is built to run without statistics.
        // With those taken while the tables were small (a fresh database), each write to the index grew slower with
        // its size: 3.5 ms per lead at 100,000 leads instead of 0.1 ms (measured). So they are removed again, and the
        // pooled connections, whose FTS5 statements were planned with them, are discarded.
        var hasStatistics = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'").SingleAsync(cancellationToken) > 0;
        if (!hasStatistics) return;
        var removed = await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM sqlite_stat1 WHERE tbl IN (SELECT name FROM pragma_table_list WHERE type = 'shadow');", cancellationToken);
        if (removed > 0)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema;", cancellationToken);
            SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
        }
    }
}
