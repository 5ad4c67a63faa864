using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// Finds the newest messages a person may see whose text contains a term, through each engine's trigram text index
/// (migration 0012, <see cref="TextIndexes"/>) where reading the person's messages one by one would be slow. A person in busy chats sees
/// hundreds of thousands of messages: testing each one's text took 0.7–1.5 s with a million in the database.
/// <list type="bullet">
/// <item>Someone who sees few messages (<see cref="ChatOptions.SearchScanMax"/>) is searched by reading their
/// messages: a few milliseconds, whatever the term.</item>
/// <item>SQLite, anyone else: the FTS5 table <c>message_search</c> lists the messages containing the term newest
/// first (by rowid, the order they were written), and the first ones the person may see are taken. A term in many
/// of their messages stops early; a rare term is a short list. The slow case left is a term in very many messages
/// of other people's chats and in almost none of theirs: every match is looked at once.</item>
/// <item>PostgreSQL: the same query as the scan; the planner serves <c>upper(text) LIKE</c> from the pg_trgm GIN
/// index on <c>upper("Text")</c> when the term is rare enough, and walks the newest messages otherwise.</item>
/// </list>
/// A trigram index holds three-character pieces, so a search needs at least <see cref="MinRunes"/> characters.
/// </summary>
internal static class MessageTextIndex
{
    public const int MinRunes = TextIndexes.MinRunes;

    public static async Task<List<Guid>> NewestVisibleAsync(ChatCrmDbContext db, Guid me, string term, Guid? conversationId, int take, int scanMax,
        CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() && await VisibleCountAsync(db, me, conversationId, cancellationToken) > scanMax)
        {
            return await FromFtsTableAsync(db, me, term, conversationId, take, cancellationToken);
        }
        // LIKE ignores case on SQLite but not on PostgreSQL; upper() on both sides, in SQL, makes every engine agree
        // (each with its own upper(): the text and the query are folded the same way).
        var pattern = "%" + LikePattern.Escape(term) + "%";
        return await (
            from m in ChatAccess.VisibleMessages(db, me)
            where (conversationId == null || m.ConversationId == conversationId)
                && m.DeletedAt == null && m.Kind != MessageKind.System && m.Text != null
                && EF.Functions.Like(m.Text.ToUpper(), pattern.ToUpper(), LikePattern.EscapeCharacter)
            orderby m.Id descending
            select m.Id).Take(take).ToListAsync(cancellationToken);
    }

    // How many messages the person may see (in one chat, or in all of theirs): from each membership's range, no
    // message is read.
    private static Task<long> VisibleCountAsync(ChatCrmDbContext db, Guid me, Guid? conversationId, CancellationToken cancellationToken) => (
        from p in db.Participants
        where p.UserId == me && (conversationId == null || p.ConversationId == conversationId)
        join c in db.Conversations on p.ConversationId equals c.Id
        select (p.VisibleUpToSeq ?? c.LastSeq) - p.VisibleFromSeq + 1).SumAsync(cancellationToken);

    // CROSS JOIN keeps the FTS table the outer loop in SQLite, so "ORDER BY rowid DESC ... LIMIT" walks the matches
    // newest first and stops at the last one needed. The visibility rules are those of ChatAccess.VisibleMessages.
    private static Task<List<Guid>> FromFtsTableAsync(ChatCrmDbContext db, Guid me, string term, Guid? conversationId, int take,
        CancellationToken cancellationToken)
    {
        var phrase = TextIndexes.Phrase(term);
        var system = nameof(MessageKind.System);
        var inChat = conversationId ?? Guid.Empty;
        var all = conversationId is null;
        return db.Database.SqlQuery<Guid>($"""
            SELECT m."Id" AS "Value"
            FROM "message_search" s
            CROSS JOIN "messages" m ON m.rowid = s.rowid
            JOIN "chat_participants" p ON p."ConversationId" = m."ConversationId" AND p."UserId" = {me}
            WHERE "message_search" MATCH {phrase}
              AND ({all} OR m."ConversationId" = {inChat})
              AND m."Seq" >= p."VisibleFromSeq" AND (p."VisibleUpToSeq" IS NULL OR m."Seq" <= p."VisibleUpToSeq")
              AND m."DeletedAt" IS NULL AND m."Kind" <> {system}
            ORDER BY s.rowid DESC
            LIMIT {take}
            """).ToListAsync(cancellationToken);
    }
}
