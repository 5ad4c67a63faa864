using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>The key ring and the setup link in the database, so every server shares them (<c>data_protection_keys</c>, <c>setup_tokens</c>).</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261204000008_SharedKeys")]
public sealed class SharedKeysMigration : SqlScriptMigration
{
    protected override string ScriptName => "0008_SharedKeys";
}
