using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>CRM: leads (tags, timeline), campaigns (recipients), meetings (participants), tickets (comments).</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261122000003_Crm")]
public sealed class CrmTables : SqlScriptMigration
{
    protected override string ScriptName => "0003_Crm";
}
