using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Each account keeps its time zone (<c>users.TimeZone</c>, an IANA id; null until known, read as UTC).</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261203000006_UserTimeZone")]
public sealed class UserTimeZoneMigration : SqlScriptMigration
{
    protected override string ScriptName => "0006_UserTimeZone";
}
