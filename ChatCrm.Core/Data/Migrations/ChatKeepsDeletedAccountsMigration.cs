using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>
/// A deleted account keeps its place in its chats (<c>chat_participants</c> loses its foreign key to users), as its
/// messages already did, so the other person in a one-to-one chat still sees what it had read.
/// </summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261203000007_ChatKeepsDeletedAccounts")]
public sealed class ChatKeepsDeletedAccountsMigration : SqlScriptMigration
{
    protected override string ScriptName => "0007_ChatKeepsDeletedAccounts";
}
