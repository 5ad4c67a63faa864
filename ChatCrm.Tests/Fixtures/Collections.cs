namespace ChatCrm.Tests.Fixtures;

/// <summary>Tests that send mail share one SMTP server; tests in one collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SmtpServerGroup : ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "SMTP server";
}

/// <summary>Tests that need PostgreSQL share one throwaway cluster, each with databases of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL cluster";
}

/// <summary>Tests of several servers: one PostgreSQL cluster and one Redis, each test on databases and keys of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SeveralServersGroup : ICollectionFixture<PostgresFixture>, ICollectionFixture<RedisFixture>
{
    public const string Name = "Several servers";
}
