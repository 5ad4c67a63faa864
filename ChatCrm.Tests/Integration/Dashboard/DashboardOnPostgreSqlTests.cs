using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Dashboard;

/// <summary>Every dashboard test again on PostgreSQL, where times are native timestamps and enums compare as text.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class DashboardOnPostgreSqlTests : DashboardServiceTests
{
    private readonly PostgresFixture _postgres;
    private readonly Dictionary<string, string?> _settings;

    public DashboardOnPostgreSqlTests(PostgresFixture postgres)
        : this(postgres, new Dictionary<string, string?> { ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql })
    {
    }

    // The base reads the settings in InitializeAsync, after the database below has been made.
    private DashboardOnPostgreSqlTests(PostgresFixture postgres, Dictionary<string, string?> settings)
        : base(settings)
    {
        _postgres = postgres;
        _settings = settings;
    }

    public override async Task InitializeAsync()
    {
        _settings["ConnectionStrings:ChatCrm"] = await _postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }
}
