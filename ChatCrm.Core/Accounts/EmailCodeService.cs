using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>Issues and checks emailed codes: random, hashed, short-lived, few tries, single use, bound to a purpose.</summary>
public sealed class EmailCodeService(IDbContextFactory<ChatCrmDbContext> dbFactory, CodeHasher hasher, MailOutbox outbox, TimeProvider clock,
    IOptions<AccountOptions> options)
{
    private readonly IDbContextFactory<ChatCrmDbContext> _dbFactory = dbFactory;
    private readonly CodeHasher _hasher = hasher;
    private readonly TimeProvider _clock = clock;
    private readonly AccountOptions _options = options.Value;

    /// <summary>
    /// Creates a new code, retires every earlier one of the same purpose (so only the latest mail works), and queues
    /// the mail that carries it: code and mail are saved together, so there is never a code nobody was sent.
    /// The plain code exists only inside the mail.
    /// </summary>
    public async Task IssueAsync(Guid userId, CodePurpose purpose, string sentTo, Func<string, EmailMessage> composeMail,
        CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await db.EmailCodes
            .Where(c => c.UserId == userId && c.Purpose == purpose && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken);

        var plain = CodeHasher.NewCode();
        var code = new EmailCode
        {
            UserId = userId,
            Purpose = purpose,
            SentTo = sentTo,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(_options.CodeLifetimeMinutes),
        };
        code.CodeHash = _hasher.Hash(code.Id, plain);
        db.EmailCodes.Add(code);
        outbox.Add(db, composeMail(plain));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a code against the latest one mailed for the purpose: a right code is consumed at once (a second use
    /// fails), a wrong one counts a try. Both are conditional updates that only touch a live code (not used, not
    /// expired, tries left), so parallel guesses can never count more tries than the limit, and a right code that
    /// wrong guesses killed meanwhile fails. The answer is the code's state as the database has it afterwards.
    /// </summary>
    public async Task<CodeCheck> VerifyAsync(Guid userId, CodePurpose purpose, string? code, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var max = _options.CodeMaxAttempts;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await Latest(db, userId, purpose).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return new CodeCheck(CodeCheckStatus.Invalid);
        if (!IsAlive(latest, now, max)) return Dead(latest, now, max);

        var alive = db.EmailCodes.Where(c => c.Id == latest.Id && c.ConsumedAt == null && c.FailedAttempts < max && c.ExpiresAt > now);
        var normalized = (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (normalized.Length == 6 && normalized.All(char.IsAsciiDigit) && _hasher.Matches(latest.Id, normalized, latest.CodeHash))
        {
            if (await alive.ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 1)
                return new CodeCheck(CodeCheckStatus.Valid, latest.SentTo);
        }
        else
        {
            await alive.ExecuteUpdateAsync(set => set
                .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1)
                .SetProperty(c => c.ConsumedAt, c => c.FailedAttempts + 1 >= max ? now : c.ConsumedAt), cancellationToken);
        }
        var after = await db.EmailCodes.AsNoTracking().FirstAsync(c => c.Id == latest.Id, cancellationToken);
        return IsAlive(after, now, max) ? new CodeCheck(CodeCheckStatus.Invalid) : Dead(after, now, max);
    }

    // The latest code whatever its state: a code the tries killed must answer "no longer works", not "not right".
    private static IQueryable<EmailCode> Latest(ChatCrmDbContext db, Guid userId, CodePurpose purpose) =>
        db.EmailCodes.AsNoTracking().Where(c => c.UserId == userId && c.Purpose == purpose).OrderByDescending(c => c.CreatedAt);

    private static bool IsAlive(EmailCode code, DateTimeOffset now, int max) =>
        code.ConsumedAt is null && code.FailedAttempts < max && code.ExpiresAt > now;

    // Killed by tries, then past its time; otherwise it was used (or replaced), which reads as a wrong code.
    private static CodeCheck Dead(EmailCode code, DateTimeOffset now, int max) =>
        new(code.FailedAttempts >= max ? CodeCheckStatus.Exhausted
            : code.ExpiresAt <= now ? CodeCheckStatus.Expired
            : CodeCheckStatus.Invalid);
}
