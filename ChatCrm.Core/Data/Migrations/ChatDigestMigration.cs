using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>Digest mails: <c>users.DigestMail</c>, <c>users.DigestSentAt</c> and <c>chat_participants.DigestedUpToSeq</c>.</summary>
[DbContext(typeof(ChatCrmDbContext))]
[Migration("20261204000010_ChatDigest")]
public sealed class ChatDigestMigration : SqlScriptMigration
{
    protected override string ScriptName => "0010_ChatDigest";
}
