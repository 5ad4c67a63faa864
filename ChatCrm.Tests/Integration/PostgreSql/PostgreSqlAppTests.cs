using System.Net;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Npgsql;

namespace ChatCrm.Tests.Integration.PostgreSql;

/// <summary>ChatCrm:DatabaseProvider=PostgreSql: the app migrates a fresh database, works, and reports when it is gone.</summary>
[Collection(PostgreSqlAppGroup.Name)]
public sealed class PostgreSqlAppTests(PostgresFixture postgres, SmtpServerFixture smtp)
{
    [Fact]
    public async Task AppMigratesAFreshDatabaseSignsInAndHealthFailsWhenTheDatabaseIsDropped()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var app = new ChatCrmAppFactory(smtp, new Dictionary<string, string?>
        {
            ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql,
            ["ConnectionStrings:ChatCrm"] = connectionString,
        });

        using var admin = await app.SignedInClientAsync(app.AdminEmail, ChatCrmAppFactory.AdminPassword);

        Assert.Contains("20261121000001_Initial", await AppliedMigrationsAsync(connectionString));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Status);
        // Health is asked as a load balancer asks: without a sign-in cookie.
        using var monitor = app.CreateFormClient();
        var healthy = await monitor.GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (healthy.Status, healthy.Text));

        await DropDatabaseAsync(connectionString);

        var gone = await monitor.GetAsync("/health");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (gone.Status, gone.Text));
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    // From the maintenance database, as an operator (or an outage) would; FORCE ends the app's open connections.
    private async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
