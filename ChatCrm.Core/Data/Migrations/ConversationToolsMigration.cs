using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Replies, mentions and pins on <c>messages</c>, and the <c>message_reactions</c> table.</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261204000011_ConversationTools")]
public sealed class ConversationToolsMigration : SqlScriptMigration
{
    protected override string ScriptName => "0011_ConversationTools";
}
