using ChatCrm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Fixtures;

/// <summary>A fresh SQLite file database in its own temp folder.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new("sqlite");

    public TestDatabase()
    {
        FilePath = _folder.Combine("chatcrm.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public DbContextOptions<ChatCrmDbContext> Options => Build(DatabaseProviders.Sqlite, ConnectionString);

    public ChatCrmDbContext CreateContext() => new(Options);

    /// <summary>Context options exactly as the app builds them, for either engine.</summary>
    public static DbContextOptions<ChatCrmDbContext> Build(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<ChatCrmDbContext>();
        DatabaseProviders.Configure(builder, provider, connectionString);
        return builder.Options;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before the folder goes.
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        _folder.Dispose();
    }
}
