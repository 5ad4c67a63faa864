using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Data;

/// <summary>
/// The migrations are SQL scripts written without the EF design tool, so nothing else checks that they build the
/// schema the model expects. Here each engine builds one empty database by migrating and another from the model
/// (EnsureCreated), and the two schemas must be the same.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class SchemaMatchesModelTests(PostgresFixture postgres) : IDisposable
{
    private static readonly string[] IndexedTables = ["leads", "meeting_participants", "meetings", "messages", "tickets"];
    private static readonly string[] TriggerChanges = ["delete", "insert", "update"];
    private static readonly string[] FtsTables = ["lead_search", "meeting_participant_search", "meeting_search", "message_search", "ticket_search"];

    public static TheoryData<string> Providers => [DatabaseProviders.Sqlite, DatabaseProviders.PostgreSql];

    private readonly List<TestDatabase> _sqliteFiles = [];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MigratingAnEmptyDatabaseYieldsTheModelsSchema(string provider)
    {
        var migrated = await SchemaAfterAsync(provider, db => db.Database.MigrateAsync());
        var created = await SchemaAfterAsync(provider, db => db.Database.EnsureCreatedAsync());

        Assert.Contains("table users", created); // the reader sees the schema at all
        // The text indexes have no form in an EF model; only the migrations build them: on SQLite FTS5 tables and the
        // triggers that fill them (0004, 0012), on PostgreSQL the trigram indexes on upper() of message text, ticket subjects, meeting titles, places and names.
        // They must be there, whole, and be the only such differences.
        var textIndex = migrated.Where(f => f.StartsWith("virtual table ", StringComparison.Ordinal) || f.StartsWith("trigger ", StringComparison.Ordinal)
                || (f.StartsWith("index ", StringComparison.Ordinal) && f.Contains("_trigram:", StringComparison.Ordinal) && !f.StartsWith("index leads.", StringComparison.Ordinal)))
            .Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).ToList();
        string[] expected = provider == DatabaseProviders.Sqlite
            ? [.. IndexedTables.SelectMany(t => TriggerChanges.Select(change => $"trigger {t}.{t}_search_{change}")),
                .. FtsTables.Select(f => $"virtual table {f}")]
            : ["index meeting_participants.IX_meeting_participants_Name_trigram", "index meetings.IX_meetings_Location_trigram",
                "index meetings.IX_meetings_Title_trigram", "index messages.IX_messages_Text_trigram", "index tickets.IX_tickets_Subject_trigram"];
        Assert.Equal(expected, textIndex);
        var differences = DatabaseSchema.Differences(
            new SortedSet<string>(migrated.Where(f => !textIndex.Any(t => f.StartsWith(t + ":", StringComparison.Ordinal))), StringComparer.Ordinal), created, provider);
        Assert.True(differences.Length == 0, differences);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheComparisonNoticesAMissingIndex(string provider)
    {
        // Guards the guard: a schema that lacks one index must not compare equal to the model's.
        var options = await FreshDatabaseAsync(provider);
        SortedSet<string> full, damaged;
        await using (var db = new ChatCrmDbContext(options))
        {
            await db.Database.MigrateAsync();
            full = await DatabaseSchema.ReadAsync(db);
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_users_DisplayName\"");
            damaged = await DatabaseSchema.ReadAsync(db);
        }

        var differences = DatabaseSchema.Differences(damaged, full, provider);
        Assert.Contains("IX_users_DisplayName", differences, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MigratingTwiceIsHarmlessAndKeepsData(string provider)
    {
        var options = await FreshDatabaseAsync(provider);
        SortedSet<string> afterFirst;
        await using (var db = new ChatCrmDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Roles.Add(new AppRole("Keeper"));
            await db.SaveChangesAsync();
            afterFirst = await DatabaseSchema.ReadAsync(db);
        }

        // A fresh context, as a restarted app would have.
        await using (var db = new ChatCrmDbContext(options))
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.True(await db.Roles.AnyAsync(r => r.NormalizedName == "KEEPER"), "The row written before the second migration is gone.");
            var differences = DatabaseSchema.Differences(await DatabaseSchema.ReadAsync(db), afterFirst, provider);
            Assert.True(differences.Length == 0, differences);
        }
    }

    public void Dispose()
    {
        foreach (var file in _sqliteFiles) file.Dispose();
    }

    private async Task<SortedSet<string>> SchemaAfterAsync(string provider, Func<ChatCrmDbContext, Task> build)
    {
        await using var db = new ChatCrmDbContext(await FreshDatabaseAsync(provider));
        await build(db);
        return await DatabaseSchema.ReadAsync(db);
    }

    private async Task<DbContextOptions<ChatCrmDbContext>> FreshDatabaseAsync(string provider)
    {
        if (provider == DatabaseProviders.PostgreSql) return TestDatabase.Build(provider, await postgres.CreateDatabaseAsync());
        var file = new TestDatabase();
        _sqliteFiles.Add(file);
        return file.Options;
    }
}
