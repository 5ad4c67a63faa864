using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// The one place that decides who may see or do what in a chat. Everyone is refused the same way whether the chat
/// exists or not, so guessing ids learns nothing. Admins get no special reading rights: chats are private.
/// </summary>
internal static class ChatAccess
{
    public const string NotFound = "That chat does not exist or you are not in it.";

    /// <summary>The actor's participation (current or former), or a ForbiddenException.</summary>
    public static async Task<Participant> ParticipationAsync(ChatCrmDbContext db, Actor actor, Guid conversationId, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking()
            .FirstOrDefaultAsync(p => p.ConversationId == conversationId && p.UserId == actor.UserId, cancellationToken);
        return participant ?? throw new ForbiddenException(NotFound);
    }

    public const string NoLongerIn = "You are no longer in this chat.";

    /// <summary>The actor's current membership: needed to send, react, or change anything.</summary>
    public static async Task<Participant> MembershipAsync(ChatCrmDbContext db, Actor actor, Guid conversationId, CancellationToken cancellationToken)
    {
        var participant = await ParticipationAsync(db, actor, conversationId, cancellationToken);
        return participant.IsMember ? participant : throw new ForbiddenException(NoLongerIn);
    }

    public const string AccountDeleted = "This account was deleted: the chat can be read, but no longer written to.";

    /// <summary>
    /// The actor's membership where writing reaches someone: in a one-to-one chat the other person must still be in
    /// it with an account (an admin may have deleted it; their place and read marks stay, see ChatAccountDeletion).
    /// </summary>
    public static async Task<Participant> WriterAsync(ChatCrmDbContext db, Actor actor, Guid conversationId, CancellationToken cancellationToken)
    {
        // One query, not two: this runs before every message sent.
        var found = await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.UserId == actor.UserId)
            .Select(p => new
            {
                Participant = p,
                Orphaned = db.Conversations.Any(c => c.Id == conversationId && c.Kind == ConversationKind.Direct
                    && !db.Participants.Any(o => o.ConversationId == c.Id && o.UserId != actor.UserId && o.LeftAt == null && db.Users.Any(u => u.Id == o.UserId))),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new ForbiddenException(NotFound);
        if (!found.Participant.IsMember) throw new ForbiddenException(NoLongerIn);
        return found.Orphaned ? throw new ChatRuleException(AccountDeleted) : found.Participant;
    }

    /// <summary>Whether two people are, or were, in a chat together (they may know each other: last seen, cards).</summary>
    public static Task<bool> SharesChatAsync(ChatCrmDbContext db, Guid userId, Guid otherUserId, CancellationToken cancellationToken) =>
        (from mine in db.Participants
         where mine.UserId == userId
         join theirs in db.Participants on mine.ConversationId equals theirs.ConversationId
         where theirs.UserId == otherUserId
         select theirs.UserId).AnyAsync(cancellationToken);

    /// <summary>
    /// Every message a person may see, in any chat they are or were in: from joining until leaving. Deleted messages
    /// and system lines are included; each caller says which it wants.
    /// </summary>
    public static IQueryable<Message> VisibleMessages(ChatCrmDbContext db, Guid userId) =>
        from p in db.Participants
        where p.UserId == userId
        join m in db.Messages on p.ConversationId equals m.ConversationId
        where m.Seq >= p.VisibleFromSeq && (p.VisibleUpToSeq == null || m.Seq <= p.VisibleUpToSeq)
        select m;

    /// <summary>Seq range of messages a participant may see: from joining until leaving.</summary>
    public static (long From, long To) VisibleRange(Participant participant) =>
        (participant.VisibleFromSeq, participant.VisibleUpToSeq ?? long.MaxValue);

    /// <summary>
    /// Who a person may start a chat with or add to a group. Staff reach everyone; a Client reaches staff, so clients
    /// never discover each other through the people search.
    /// </summary>
    public static IQueryable<AppUser> Reachable(ChatCrmDbContext db, Actor actor)
    {
        var users = actor.IsStaff ? db.Users.AsNoTracking() : PeopleByRole.Staff(db);
        return users.Where(u => u.Id != actor.UserId && u.EmailConfirmed);
    }
}
