using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Data;

/// <summary>
/// On PostgreSQL the app's connections keep their hot statements prepared (Core/Data/DatabaseProviders), so the server
/// stops parsing and planning the same queries on every call.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PreparedStatementsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AQueryRunOftenIsPreparedOnTheServer()
    {
        await using var db = new ChatCrmDbContext(TestDatabase.Build(DatabaseProviders.PostgreSql, await postgres.CreateDatabaseAsync()));
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        // Npgsql prepares a statement once it has run it five times on the connection.
        for (var i = 0; i < 6; i++) await db.Users.Where(u => u.Email == "nobody@example.com").CountAsync();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM users%'";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void AConnectionStringsOwnNumberIsKept()
    {
        Assert.Contains("Max Auto Prepare=64", DatabaseProviders.WithPreparedStatements("Host=db;Database=chatcrm"), StringComparison.Ordinal);
        var own = DatabaseProviders.WithPreparedStatements("Host=db;Database=chatcrm;Max Auto Prepare=5");
        Assert.Contains("Max Auto Prepare=5", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Auto Prepare=64", own, StringComparison.Ordinal);
    }
}
