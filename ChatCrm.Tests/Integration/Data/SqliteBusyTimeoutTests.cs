using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Data;

/// <summary>
/// Every SQLite connection the app's contexts open lets SQLite wait for the write lock itself (Core/Data/
/// SqliteConnectionSetup), instead of failing at once into the driver's 150 ms retry sleep.
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task FreshAndPooledConnectionsBothCarryTheBusyTimeout()
    {
        await using (var first = _database.CreateContext()) await first.Database.EnsureCreatedAsync();

        // The second and third contexts get the pooled connection back: the timeout must be set on each open, not once.
        for (var i = 0; i < 3; i++)
        {
            await using var db = _database.CreateContext();
            Assert.Equal(30_000L, await BusyTimeoutAsync(db));
        }
    }

    private static async Task<long> BusyTimeoutAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose() => _database.Dispose();
}
