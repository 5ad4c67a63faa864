using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Chat;

/// <summary>Wakes <see cref="ChatDigest"/> before its next poll (tests; nothing in the app needs it sooner).</summary>
public sealed class ChatDigestSignal : WakeSignal;

/// <summary>
/// Mail for messages left unread: once a message has waited <c>DigestDelayMinutes</c>, the person gets one mail that
/// lists their chats with unread messages and the first lines of each, with links back; at most one such mail per
/// <c>DigestIntervalMinutes</c>, each message in at most one mail, never for a muted chat, and not at all for someone
/// who switched it off (profile, or the mail's own unsubscribe link). Through the mail queue, like every mail.
/// <para>
/// Several servers run this at once safely: people's digests are claimed by a conditional UPDATE of
/// <c>users.DigestSentAt</c>, and the mails and the "listed up to" marks are saved in the same transaction.
/// </para>
/// </summary>
public sealed partial class ChatDigest(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    MailOutbox outbox,
    UnsubscribeTokens tokens,
    ChatDigestSignal signal,
    IOptions<ChatOptions> options,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<ChatDigest> logger) : BackgroundService
{
    /// <summary>People handled per transaction: large enough to batch well, small enough to hold SQLite's lock briefly.</summary>
    private const int BatchSize = 200;

    public const int ChatsListed = 10;
    public const int LinesPerChat = 3;
    private const int LineMax = 140;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PassLoop.RunAsync(async ct => await SendDueAsync(ct), () => TimeSpan.FromSeconds(options.Value.DigestPollSeconds), signal, clock, LogPassFailed,
            stoppingToken);

    /// <summary>One pass: queues a digest for everyone due now. Returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var waitedSince = now.AddMinutes(-options.Value.DigestDelayMinutes);
        var lastDigestBefore = now.AddMinutes(-options.Value.DigestIntervalMinutes);
        var queued = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await Due(db, now, waitedSince, lastDigestBefore).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0) break;
            var claimed = await QueueBatchAsync(db, due, now, lastDigestBefore, cancellationToken);
            queued += claimed;
            // Everyone in the batch was claimed here or by another server, so none of them is due again; a batch that
            // claimed nobody means another server is working through the same people.
            if (claimed == 0 || due.Count < BatchSize) break;
        }
        if (queued > 0) LogQueued(queued);
        return queued;
    }

    /// <summary>
    /// People with a digest due: switched on, not mailed this interval, a message unread long enough; never an account
    /// an admin has locked.
    /// </summary>
    private static IQueryable<Guid> Due(ChatCrmDbContext db, DateTimeOffset now, DateTimeOffset waitedSince, DateTimeOffset lastDigestBefore) =>
        from u in db.Users.AsNoTracking()
        where u.DigestMail && u.EmailConfirmed && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
            && (u.DigestSentAt == null || u.DigestSentAt <= lastDigestBefore)
            && Waiting(db).Any(w => w.UserId == u.Id && w.CreatedAt <= waitedSince)
        orderby u.Id
        select u.Id;

    /// <summary>Each member's messages not yet read nor listed in a digest, in chats they have not muted.</summary>
    private static IQueryable<WaitingMessage> Waiting(ChatCrmDbContext db) =>
        from p in db.Participants.AsNoTracking()
        where p.LeftAt == null && !p.Muted
        from m in db.Messages
        where m.ConversationId == p.ConversationId && m.Seq > p.LastReadSeq && m.Seq > p.DigestedUpToSeq && m.Seq >= p.VisibleFromSeq
            && m.SenderId != p.UserId && m.Kind != MessageKind.System && m.DeletedAt == null
        select new WaitingMessage
        {
            UserId = p.UserId,
            ConversationId = m.ConversationId,
            Seq = m.Seq,
            SenderId = m.SenderId,
            Kind = m.Kind,
            Text = m.Text,
            FileName = m.Attachment == null ? null : m.Attachment.FileName,
            CreatedAt = m.CreatedAt,
        };

    /// <summary>A class with setters, not a record: EF can filter on the members of a projection made this way.</summary>
    private sealed class WaitingMessage
    {
        public Guid UserId { get; init; }
        public Guid ConversationId { get; init; }
        public long Seq { get; init; }
        public Guid? SenderId { get; init; }
        public MessageKind Kind { get; init; }
        public string? Text { get; init; }
        public string? FileName { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private async Task<int> QueueBatchAsync(ChatCrmDbContext db, List<Guid> people, DateTimeOffset now, DateTimeOffset lastDigestBefore,
        CancellationToken cancellationToken)
    {
        var waiting = await Waiting(db).Where(w => people.Contains(w.UserId)).ToListAsync(cancellationToken);
        var chatIds = waiting.Select(w => w.ConversationId).Distinct().ToList();
        var chats = await db.Conversations.AsNoTracking().Where(c => chatIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Kind, c.Name }, cancellationToken);
        var nameIds = waiting.Select(w => w.SenderId!.Value).Concat(people).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => nameIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Email }, cancellationToken);
        string NameOf(Guid id) => accounts.TryGetValue(id, out var person) ? person.DisplayName : ConversationService.DeletedUser;

        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The batch is claimed in one UPDATE (one round trip, not one per person), then read back by the stamp it wrote.
        // Another server's pass waiting on the same rows finds them no longer due once this one commits, and its stamp
        // differs: a random point in the current second, in steps of 100 µs, which both engines store exactly (SQLite's
        // number format keeps 100 µs), so two passes share a stamp once in 10,000 even within the same second.
        var second = now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond;
        var stamp = new DateTimeOffset(second + Random.Shared.Next(10_000) * 100 * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        await db.Users.Where(u => people.Contains(u.Id) && u.DigestMail && (u.DigestSentAt == null || u.DigestSentAt <= lastDigestBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.DigestSentAt, stamp), cancellationToken);
        var mine = (await db.Users.Where(u => people.Contains(u.Id) && u.DigestSentAt == stamp).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var claimed = 0;
        foreach (var person in waiting.GroupBy(w => w.UserId))
        {
            if (!mine.Contains(person.Key) || !accounts.TryGetValue(person.Key, out var recipient) || recipient.Email is null) continue;
            claimed++;
            var byChat = person.GroupBy(w => w.ConversationId).OrderByDescending(c => c.Max(w => w.Seq)).ToList();
            var listed = byChat.Take(ChatsListed).Select(chat =>
            {
                var info = chats[chat.Key];
                var ordered = chat.OrderBy(w => w.Seq).ToList();
                var title = info.Kind == ConversationKind.Group ? info.Name ?? "Group" : NameOf(ordered[0].SenderId!.Value);
                var lines = ordered.Take(LinesPerChat).Select(w => Line(NameOf(w.SenderId!.Value), MessageAppender.Preview(w.Kind, w.Text, w.FileName))).ToList();
                return new DigestChat(title, ordered.Count, lines, $"{baseUrl}/chat/{chat.Key}");
            }).ToList();
            outbox.Add(db, ChatDigestMail.Render(recipient.Email, recipient.DisplayName, listed, byChat.Count - listed.Count,
                tokens.DigestLinkFor(person.Key), options.Value.DigestDelayMinutes));
            // Every chat is marked, listed or not: the mail told of them all ("and more"), so none is mailed again.
            foreach (var chat in byChat)
            {
                db.UpdateColumns(new Participant { ConversationId = chat.Key, UserId = person.Key, DigestedUpToSeq = chat.Max(w => w.Seq) },
                    p => p.DigestedUpToSeq);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static string Line(string sender, string text) =>
        text.Length <= LineMax ? $"{sender}: {text}" : $"{sender}: {text[..(LineMax - 1)]}…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} chat digest mails.")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat digest pass failed; the next pass tries again.")]
    private partial void LogPassFailed(Exception exception);
}
