using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Chat: chats with their participants, and messages ordered by a per-chat sequence.</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261121000002_Chat")]
public sealed class ChatTables : SqlScriptMigration
{
    protected override string ScriptName => "0002_Chat";
}
