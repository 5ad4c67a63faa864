using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Chat;

/// <summary>Chats as a whole: the list, starting one, groups and their members. Messages are <see cref="MessageService"/>.</summary>
public sealed class ConversationService(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    ChatEvents events,
    SystemLines systemLines,
    IOptions<ChatOptions> options,
    TimeProvider clock)
{
    public const string DeletedUser = "Deleted user";

    /// <summary>The actor's chats, newest activity first, with unread counts; optionally filtered by name.</summary>
    public async Task<IReadOnlyList<ChatListItem>> ListAsync(Actor actor, string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = actor.UserId;
        var rows = await (
            from p in db.Participants.AsNoTracking()
            // A former member's chat ends at their line: what the others write later neither brings a hidden chat
            // back nor moves it up the list, or the list would tell them the group lives on.
            where p.UserId == me && (p.HiddenUpToSeq == null
                || db.Conversations.Any(c => c.Id == p.ConversationId && (p.VisibleUpToSeq ?? c.LastSeq) > p.HiddenUpToSeq))
            join c in db.Conversations.AsNoTracking() on p.ConversationId equals c.Id
            // A one-to-one chat opened with nobody writing yet is no chat to either person: it joins both lists with
            // its first message (a group is one from the start: its creation line says who made it).
            where c.Kind == ConversationKind.Group || c.LastSeq > 0
            let other = c.Kind == ConversationKind.Direct
                ? db.Participants.Where(o => o.ConversationId == c.Id && o.UserId != me).Select(o => o.UserId).FirstOrDefault()
                : (Guid?)null
            select new
            {
                c.Id,
                c.Kind,
                c.Name,
                GroupHasAvatar = c.AvatarFile != null,
                Other = other,
                OtherName = db.Users.Where(u => u.Id == other).Select(u => u.DisplayName).FirstOrDefault(),
                OtherHasAvatar = db.Users.Any(u => u.Id == other && u.AvatarFile != null),
                Preview = p.VisibleUpToSeq == null ? c.LastMessagePreview : null,
                LastActivityAt = p.VisibleUpToSeq == null
                    ? c.LastActivityAt
                    : db.Messages.Where(m => m.ConversationId == c.Id && m.Seq == p.VisibleUpToSeq).Select(m => m.CreatedAt).FirstOrDefault(),
                Unread = db.Messages.Count(m => m.ConversationId == c.Id && m.Seq > p.LastReadSeq && m.Seq >= p.VisibleFromSeq
                    && (p.VisibleUpToSeq == null || m.Seq <= p.VisibleUpToSeq) && m.SenderId != me && m.Kind != MessageKind.System && m.DeletedAt == null),
                p.Muted,
            }).ToListAsync(cancellationToken);

        var items = rows.Select(r => new ChatListItem(
                r.Id, r.Kind,
                r.Kind == ConversationKind.Group ? r.Name ?? "Group" : r.OtherName ?? DeletedUser,
                r.Other,
                r.Kind == ConversationKind.Group ? r.GroupHasAvatar : r.OtherHasAvatar,
                r.Preview, r.LastActivityAt, r.Unread, r.Muted))
            .OrderByDescending(i => i.LastActivityAt);
        return string.IsNullOrWhiteSpace(search)
            ? items.ToList()
            : items.Where(i => i.Title.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>All unread messages across the actor's chats: the badge in the navigation.</summary>
    public async Task<int> TotalUnreadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = actor.UserId;
        return await (
            from p in db.Participants.AsNoTracking()
            where p.UserId == me
            from m in db.Messages
            where m.ConversationId == p.ConversationId && m.Seq > p.LastReadSeq && m.Seq >= p.VisibleFromSeq
                && (p.VisibleUpToSeq == null || m.Seq <= p.VisibleUpToSeq) && m.SenderId != me && m.Kind != MessageKind.System && m.DeletedAt == null
            select m.Id).CountAsync(cancellationToken);
    }

    /// <summary>People the actor may chat with, by name, user name or email.</summary>
    public async Task<IReadOnlyList<PersonResult>> SearchPeopleAsync(Actor actor, string query, int take = 20, CancellationToken cancellationToken = default)
    {
        var term = query.Trim().ToUpperInvariant();
        if (term.Length < 2) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChatAccess.Reachable(db, actor)
            .Where(u => u.DisplayName.ToUpper().Contains(term) || u.NormalizedUserName!.Contains(term) || u.NormalizedEmail!.Contains(term))
            .OrderBy(u => u.DisplayName)
            .Take(Math.Clamp(take, 1, 50))
            .Select(u => new PersonResult(u.Id, u.DisplayName, u.UserName, u.AvatarFile != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The one-to-one chat with someone: the existing one if there is one, else a new one.</summary>
    public async Task<Guid> OpenDirectAsync(Actor actor, Guid otherUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await ChatAccess.Reachable(db, actor).AnyAsync(u => u.Id == otherUserId, cancellationToken))
            throw new ForbiddenException("You cannot start a chat with that person.");
        var key = Conversation.DirectKeyFor(actor.UserId, otherUserId);
        var existing = await db.Conversations.Where(c => c.DirectKey == key).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            // Opening it again brings it back to a list it was deleted from.
            await db.Participants.Where(p => p.ConversationId == id && p.UserId == actor.UserId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.HiddenUpToSeq, (long?)null), cancellationToken);
            return id;
        }

        var now = clock.GetUtcNow();
        var chat = new Conversation { Kind = ConversationKind.Direct, DirectKey = key, CreatedBy = actor.UserId, CreatedAt = now, LastActivityAt = now };
        chat.Participants.Add(new Participant { UserId = actor.UserId, JoinedAt = now });
        chat.Participants.Add(new Participant { UserId = otherUserId, JoinedAt = now });
        db.Conversations.Add(chat);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return chat.Id;
        }
        catch (DbUpdateException)
        {
            // Both people opened the chat at the same moment: the unique key kept one; use it.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.Conversations.Where(c => c.DirectKey == key).Select(c => c.Id).FirstAsync(cancellationToken);
        }
    }

    public async Task<Guid> CreateGroupAsync(Actor actor, string name, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        var title = ValidName(name);
        var members = memberIds.Where(id => id != actor.UserId).Distinct().ToList();
        if (members.Count + 1 > options.Value.GroupMaxMembers) throw new ChatRuleException($"A group has at most {options.Value.GroupMaxMembers} members.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reachable = await ChatAccess.Reachable(db, actor).Where(u => members.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (reachable.Count != members.Count) throw new ForbiddenException("You cannot add some of those people.");

        var now = clock.GetUtcNow();
        var chat = new Conversation { Kind = ConversationKind.Group, Name = title, CreatedBy = actor.UserId, CreatedAt = now, LastActivityAt = now };
        chat.Participants.Add(new Participant { UserId = actor.UserId, JoinedAt = now, IsOwner = true });
        foreach (var id in members) chat.Participants.Add(new Participant { UserId = id, JoinedAt = now });
        db.Conversations.Add(chat);
        await db.SaveChangesAsync(cancellationToken);
        await systemLines.WriteAsync(chat.Id, $"{await NameOfAsync(db, actor.UserId, cancellationToken)} created the group \"{title}\"", cancellationToken);
        return chat.Id;
    }

    public async Task<ConversationDetails> GetDetailsAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        var chat = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == conversationId, cancellationToken);
        // Someone who left sees the members who were there with them, not who joined after.
        var visibleTo = ChatAccess.VisibleRange(me).To;
        var members = await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == conversationId && p.LeftAt == null && p.VisibleFromSeq <= visibleTo
            join u in db.Users on p.UserId equals u.Id
            orderby u.DisplayName
            select new MemberView(u.Id, u.DisplayName, u.UserName, p.IsOwner, u.AvatarFile != null)).ToListAsync(cancellationToken);
        var other = chat.Kind == ConversationKind.Direct ? members.FirstOrDefault(m => m.UserId != actor.UserId) : null;
        var title = chat.Kind == ConversationKind.Group ? chat.Name ?? "Group" : other?.DisplayName ?? DeletedUser;
        var canManage = chat.Kind == ConversationKind.Group && me.IsMember && (me.IsOwner || actor.IsAdmin);
        // Members are current participants with an account: in a one-to-one chat, nobody else means their account went.
        var otherDeleted = chat.Kind == ConversationKind.Direct && other is null;
        var otherId = chat.Kind == ConversationKind.Direct
            ? await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId != actor.UserId).Select(p => (Guid?)p.UserId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ConversationDetails(chat.Id, chat.Kind, title, otherId,
            chat.Kind == ConversationKind.Group ? chat.AvatarFile != null : other?.HasAvatar == true,
            me.IsMember, canManage, members, otherDeleted, me.Muted, PinService.MayPin(chat.Kind, me, actor));
    }

    public async Task AddMembersAsync(Actor actor, Guid conversationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chat = await ManageableGroupAsync(db, actor, conversationId, cancellationToken);
        var reachable = await ChatAccess.Reachable(db, actor).Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        if (reachable.Count != userIds.Distinct().Count(id => id != actor.UserId)) throw new ForbiddenException("You cannot add some of those people.");
        // Only newcomers count against the limit: naming someone already in the group adds no one.
        var joining = reachable.Where(r => !chat.Participants.Any(p => p.UserId == r.Id && p.IsMember)).ToList();
        if (chat.Participants.Count(p => p.IsMember) + joining.Count > options.Value.GroupMaxMembers)
            throw new ChatRuleException($"A group has at most {options.Value.GroupMaxMembers} members.");

        var now = clock.GetUtcNow();
        var added = new List<string>();
        foreach (var person in joining)
        {
            var existing = chat.Participants.FirstOrDefault(p => p.UserId == person.Id);
            if (existing is null)
            {
                chat.Participants.Add(new Participant { ConversationId = chat.Id, UserId = person.Id, JoinedAt = now, VisibleFromSeq = chat.LastSeq + 1, LastReadSeq = chat.LastSeq });
            }
            else
            {
                // Back again: they see from now on, not what was said while they were away.
                existing.LeftAt = null;
                existing.VisibleUpToSeq = null;
                existing.VisibleFromSeq = chat.LastSeq + 1;
                existing.LastReadSeq = chat.LastSeq;
                existing.JoinedAt = now;
                // A former owner comes back as a member: the group passed to someone else when they went.
                existing.IsOwner = false;
            }
            added.Add(person.DisplayName);
        }
        if (added.Count == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        await systemLines.WriteAsync(chat.Id, $"{await NameOfAsync(db, actor.UserId, cancellationToken)} added {string.Join(", ", added)}", cancellationToken);
    }

    public async Task RemoveMemberAsync(Actor actor, Guid conversationId, Guid userId, CancellationToken cancellationToken = default)
    {
        if (userId == actor.UserId)
        {
            await LeaveAsync(actor, conversationId, cancellationToken);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chat = await ManageableGroupAsync(db, actor, conversationId, cancellationToken);
        var member = chat.Participants.FirstOrDefault(p => p.UserId == userId && p.IsMember) ?? throw new ChatRuleException("That person is not in this group.");
        var name = await NameOfAsync(db, userId, cancellationToken);
        // The line is written first, so the removed person's last visible message says they were removed.
        var line = await systemLines.WriteAsync(chat.Id, $"{await NameOfAsync(db, actor.UserId, cancellationToken)} removed {name}", cancellationToken);
        member.LeftAt = clock.GetUtcNow();
        member.VisibleUpToSeq = line.Seq;
        var wasOwner = member.IsOwner;
        member.IsOwner = false;
        await db.SaveChangesAsync(cancellationToken);
        // An admin may remove the owner; the group is handed on as when an owner leaves.
        if (wasOwner) await HandOnOwnershipAsync(db, chat.Id, cancellationToken);
        await events.PublishAsync([userId], new ConversationChanged(chat.Id));
    }

    public async Task LeaveAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await ChatAccess.MembershipAsync(db, actor, conversationId, cancellationToken);
        var chat = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == conversationId, cancellationToken);
        if (chat.Kind != ConversationKind.Group) throw new ChatRuleException("You can leave groups; a one-to-one chat can be deleted from your list instead.");
        var line = await systemLines.WriteAsync(conversationId, $"{await NameOfAsync(db, actor.UserId, cancellationToken)} left", cancellationToken);
        await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId == actor.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.LeftAt, clock.GetUtcNow()).SetProperty(p => p.VisibleUpToSeq, line.Seq)
                .SetProperty(p => p.LastReadSeq, line.Seq).SetProperty(p => p.IsOwner, false), cancellationToken);
        if (me.IsOwner) await HandOnOwnershipAsync(db, conversationId, cancellationToken);
        await events.PublishAsync([actor.UserId], new ConversationChanged(conversationId));
    }

    /// <summary>The owner went: the longest-standing member takes the group, so it can still be managed.</summary>
    internal static async Task HandOnOwnershipAsync(ChatCrmDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var heir = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null)
            .OrderBy(p => p.JoinedAt).Select(p => (Guid?)p.UserId).FirstOrDefaultAsync(cancellationToken);
        if (heir is { } heirId)
            await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId == heirId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.IsOwner, true), cancellationToken);
    }

    public async Task RenameAsync(Actor actor, Guid conversationId, string name, CancellationToken cancellationToken = default)
    {
        var title = ValidName(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chat = await ManageableGroupAsync(db, actor, conversationId, cancellationToken);
        if (chat.Name == title) return;
        chat.Name = title;
        await db.SaveChangesAsync(cancellationToken);
        await systemLines.WriteAsync(chat.Id, $"{await NameOfAsync(db, actor.UserId, cancellationToken)} renamed the group to \"{title}\"", cancellationToken);
    }

    public async Task SetGroupAvatarAsync(Actor actor, Guid conversationId, string storedName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chat = await ManageableGroupAsync(db, actor, conversationId, cancellationToken);
        chat.AvatarFile = storedName;
        await db.SaveChangesAsync(cancellationToken);
        await PublishToMembersAsync(db, chat.Id, new ConversationChanged(chat.Id), cancellationToken);
    }

    /// <summary>"Delete chat": gone from the actor's own list until someone writes again; nothing is deleted for others.</summary>
    public async Task HideAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ChatAccess.ParticipationAsync(db, actor, conversationId, cancellationToken);
        var lastSeq = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSeq).FirstAsync(cancellationToken);
        await db.Participants.Where(p => p.ConversationId == conversationId && p.UserId == actor.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.HiddenUpToSeq, lastSeq).SetProperty(p => p.LastReadSeq, lastSeq), cancellationToken);
        await events.PublishAsync([actor.UserId], new ConversationChanged(conversationId));
    }

    /// <summary>
    /// When someone the actor shares a chat with last closed their last page, as stored in the database (the page
    /// prefers the live <see cref="PresenceTracker"/>); null for anyone else, so it tells strangers nothing.
    /// </summary>
    public async Task<DateTimeOffset?> LastSeenAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await ChatAccess.SharesChatAsync(db, actor.UserId, userId, cancellationToken)) return null;
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The avatar file of a group the actor is or was in, for the file endpoint.</summary>
    public async Task<string?> GroupAvatarAsync(Actor actor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId && db.Participants.Any(p => p.ConversationId == c.Id && p.UserId == actor.UserId))
            .Select(c => c.AvatarFile).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<Conversation> ManageableGroupAsync(ChatCrmDbContext db, Actor actor, Guid conversationId, CancellationToken cancellationToken)
    {
        var me = await ChatAccess.MembershipAsync(db, actor, conversationId, cancellationToken);
        var chat = await db.Conversations.Include(c => c.Participants).FirstAsync(c => c.Id == conversationId, cancellationToken);
        if (chat.Kind != ConversationKind.Group) throw new ChatRuleException("Only groups have members to manage.");
        if (!me.IsOwner && !actor.IsAdmin) throw new ForbiddenException("Only the group's creator (or an admin) can do that.");
        return chat;
    }

    private async Task PublishToMembersAsync(ChatCrmDbContext db, Guid conversationId, ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        var members = await db.Participants.Where(p => p.ConversationId == conversationId && p.LeftAt == null).Select(p => p.UserId).ToListAsync(cancellationToken);
        await events.PublishAsync(members, chatEvent);
    }

    internal static async Task<string> NameOfAsync(ChatCrmDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? DeletedUser;

    private static string ValidName(string name) =>
        GroupRules.NameProblem(name) is { } problem ? throw new ChatRuleException(problem) : name.Trim();
}

/// <summary>A chat rule the person broke (too long, wrong kind of chat, too late to delete); the message is for them.</summary>
public sealed class ChatRuleException(string message) : Exception(message);
