using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.PostgreSql;

/// <summary>PostgreSQL has no default database to fall back on, so a missing connection string stops the start.</summary>
public sealed class MissingConnectionStringTests : AppProcessTestBase
{
    [Fact]
    public async Task PostgreSqlWithoutAConnectionStringStopsTheStartNamingTheKey()
    {
        var (app, _) = NewApp(new Dictionary<string, string?> { ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql });

        var exitCode = await app.StartExpectingExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:ChatCrm", app.Output, StringComparison.Ordinal);
    }
}
