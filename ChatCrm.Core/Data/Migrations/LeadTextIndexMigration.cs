using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>
/// A trigram text index on the lead search text: an FTS5 table kept by triggers on SQLite, a pg_trgm GIN index on
/// PostgreSQL. See <see cref="Data.LeadTextIndex"/>.
/// </summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261123000004_LeadTextIndex")]
public sealed class LeadTextIndexMigration : SqlScriptMigration
{
    protected override string ScriptName => "0004_LeadTextIndex";
}
