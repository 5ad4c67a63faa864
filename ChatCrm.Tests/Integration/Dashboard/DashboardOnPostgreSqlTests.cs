using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Dashboard;

/// <summary>Every dashboard test again on PostgreSQL, where times are native timestamps and enums compare as text.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class DashboardOnPostgreSqlTests(PostgresFixture postgres) : DashboardServiceTests
{
    protected override async Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => await postgres.SettingsAsync();
}
