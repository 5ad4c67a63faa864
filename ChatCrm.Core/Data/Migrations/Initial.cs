using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Accounts: users, roles, sessions and email codes.</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261121000001_Initial")]
public sealed class Initial : SqlScriptMigration
{
    protected override string ScriptName => "0001_Initial";
}
