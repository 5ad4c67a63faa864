using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>The mail queue (<c>mail_outbox</c>): every mail is a row first, delivered by the background sender.</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261203000005_MailOutbox")]
public sealed class MailOutboxMigration : SqlScriptMigration
{
    protected override string ScriptName => "0005_MailOutbox";
}
