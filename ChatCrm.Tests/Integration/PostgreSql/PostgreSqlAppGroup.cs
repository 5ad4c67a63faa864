using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.PostgreSql;

/// <summary>The whole app on PostgreSQL: a throwaway cluster and an SMTP server of this collection's own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlAppGroup : ICollectionFixture<PostgresFixture>, ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "App on PostgreSQL";
}
