using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>
/// Text indexes for the one search: on SQLite, FTS5 trigram tables kept by triggers over message text, ticket
/// subjects, meeting titles and locations, and meeting participants' names; on PostgreSQL, pg_trgm GIN indexes on
/// upper() of the same texts, which serve the LIKE searches there. See <see cref="Data.MessageTextIndex"/> and
/// <see cref="Data.TextIndexes"/>.
/// </summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261204000012_SearchIndexes")]
public sealed class SearchIndexesMigration : SqlScriptMigration
{
    protected override string ScriptName => "0012_SearchIndexes";
}
