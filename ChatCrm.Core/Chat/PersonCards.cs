using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>What a person's card shows others: who they are, what they say of themselves, and their time zone.</summary>
public sealed record PersonCard(Guid Id, string DisplayName, string? UserName, string? StatusText, string? Bio, string? TimeZone,
    bool HasAvatar, DateTimeOffset? LastSeenAt);

/// <summary>
/// A person's card, opened by clicking them in a chat. Shown to those who may know them: anyone they share (or shared)
/// a chat with, and those who may start a chat with them (staff reach everyone, clients reach staff), so a client never
/// learns of another client through a card.
/// </summary>
public sealed class PersonCards(IDbContextFactory<ChatCrmDbContext> dbFactory)
{
    public const string NotFound = "That person does not exist or you cannot see their card.";

    public async Task<PersonCard> GetAsync(Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mayKnow = userId == actor.UserId
            || await ChatAccess.Reachable(db, actor).AnyAsync(u => u.Id == userId, cancellationToken)
            || await ChatAccess.SharesChatAsync(db, actor.UserId, userId, cancellationToken);
        var card = mayKnow
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new PersonCard(u.Id, u.DisplayName, u.UserName, u.StatusText, u.Bio, u.TimeZone, u.AvatarFile != null, u.LastSeenAt))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        return card ?? throw new ForbiddenException(NotFound);
    }
}
