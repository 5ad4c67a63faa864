using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Core.Data;

/// <summary>
/// Everything that differs between database engines lives here and in the migration scripts beside it, so services
/// stay provider-neutral and a document provider (MongoDB) can be added in this one place when it can be restored.
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
                options.UseSqlite(connectionString);
                break;
            case PostgreSql:
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"ChatCrm:DatabaseProvider '{provider}' is not supported; use {Sqlite} or {PostgreSql}.");
        }

        // Migrations are written without the EF design tool (it cannot be restored here), so there is no model
        // snapshot to compare against; SchemaMatchesModelTests prove instead that migrating yields the model's schema.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

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
    /// Lets the query planner know the data's shape. Without statistics SQLite guesses, and on 100,000 leads a
    /// "status = X order by name" page sorts every matching row (about 25 ms) instead of walking the name index (under
    /// 1 ms). PostgreSQL's autovacuum keeps its own statistics. Cheap when nothing changed; call after start-up and
    /// after bulk writes such as an import.
    /// </summary>
    public static async Task RefreshStatisticsAsync(DbContext db, CancellationToken cancellationToken)
    {
        // 0x10002: also analyze tables that have no statistics yet (a fresh or upgraded database).
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
    }
}
