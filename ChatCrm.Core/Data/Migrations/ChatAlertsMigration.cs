using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Each account's notification and sound switches (<c>users.NotifyDesktop</c>, <c>NotifySound</c>) and the per-chat mute (<c>chat_participants.Muted</c>).</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261204000009_ChatAlerts")]
public sealed class ChatAlertsMigration : SqlScriptMigration
{
    protected override string ScriptName => "0009_ChatAlerts";
}
