using System.Text.RegularExpressions;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Chat;

/// <summary>
/// @mentions: "@ann.lee" in a message names the member with that user name. Sending stores who was named (only people
/// in the chat at that moment, never the sender), so they are alerted even in a chat they muted; the composer suggests
/// members as "@" is typed.
/// </summary>
public sealed partial class Mentions(IDbContextFactory<ChatCrmDbContext> dbFactory)
{
    public const int SuggestionMax = 8;

    /// <summary>Members whose user name or any word of whose name starts with the prefix, for the composer's list.</summary>
    public async Task<IReadOnlyList<PersonResult>> SuggestAsync(Actor actor, Guid conversationId, string prefix, CancellationToken cancellationToken = default)
    {
        var term = prefix.Trim().TrimStart('@');
        if (term.Length > AppUser.UserNameMax) return [];
        var start = LikePattern.Escape(term).ToUpperInvariant() + "%";
        var word = "% " + start;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The asker's own membership and the members in one query: the list follows each keystroke.
        var me = actor.UserId;
        var members = db.Participants.AsNoTracking().Where(p => p.ConversationId == conversationId && p.LeftAt == null);
        if (!await members.AnyAsync(p => p.UserId == me, cancellationToken)) throw new ForbiddenException(ChatAccess.NotFound);
        return await (
            from p in members
            where p.UserId != me
            join u in db.Users on p.UserId equals u.Id
            where EF.Functions.Like(u.UserName!.ToUpper(), start, LikePattern.EscapeCharacter)
                || EF.Functions.Like(u.DisplayName.ToUpper(), start, LikePattern.EscapeCharacter)
                || EF.Functions.Like(u.DisplayName.ToUpper(), word, LikePattern.EscapeCharacter)
            orderby u.DisplayName
            select new PersonResult(u.Id, u.DisplayName, u.UserName, u.AvatarFile != null))
            .Take(SuggestionMax)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The user names a text mentions, lower case, each once.</summary>
    public static IReadOnlyList<string> UserNamesIn(string text) =>
        Find(text).Select(m => m.UserName).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Each "@user name" in the text: where it starts (at the "@"), how long it is, and the name in lower case.</summary>
    public static IEnumerable<(int Index, int Length, string UserName)> Find(string text)
    {
        foreach (Match match in MentionToken().Matches(text))
        {
            // A sentence's full stop after the name is not part of it.
            var name = match.Groups["name"].Value.TrimEnd('.', '-');
            if (UserNames.IsValid(name.ToLowerInvariant())) yield return (match.Index, name.Length + 1, name.ToLowerInvariant());
        }
    }

    /// <summary>The current members (other than the sender) that the text mentions.</summary>
    internal static async Task<IReadOnlyList<Guid>> ResolveAsync(ChatCrmDbContext db, Guid conversationId, Guid senderId, string? text, CancellationToken cancellationToken)
    {
        var names = text is null ? [] : UserNamesIn(text);
        if (names.Count == 0) return [];
        return await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == conversationId && p.LeftAt == null && p.UserId != senderId
            join u in db.Users on p.UserId equals u.Id
            where names.Contains(u.UserName!)
            select u.Id).ToListAsync(cancellationToken);
    }

    // "@" not inside a word or an address ("ann@x.com" names no one); user names are letters, digits, ".", "_" and "-".
    [GeneratedRegex(@"(?<![A-Za-z0-9._@-])@(?<name>[A-Za-z0-9._-]{3,40})")]
    private static partial Regex MentionToken();
}
