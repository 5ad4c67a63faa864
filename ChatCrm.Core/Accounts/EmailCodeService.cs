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

    /// <summary>Checks a code; a right code is consumed at once (a second use fails), a wrong one counts a try.</summary>
    public async Task<CodeCheck> VerifyAsync(Guid userId, CodePurpose purpose, string? code, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.EmailCodes.AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose && c.ConsumedAt == null)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return new CodeCheck(CodeCheckStatus.Invalid);

        if (latest.ExpiresAt <= now)
        {
            await Retire(db, latest.Id, now, cancellationToken);
            return new CodeCheck(CodeCheckStatus.Expired);
        }

        var normalized = (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (normalized.Length == 6 && normalized.All(char.IsAsciiDigit) && _hasher.Matches(latest.Id, normalized, latest.CodeHash))
        {
            // The conditional update makes single use hold even when two requests race with the same code.
            return await Retire(db, latest.Id, now, cancellationToken)
                ? new CodeCheck(CodeCheckStatus.Valid, latest.SentTo)
                : new CodeCheck(CodeCheckStatus.Invalid);
        }

        var attempts = latest.FailedAttempts + 1;
        await db.EmailCodes.Where(c => c.Id == latest.Id).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1)
            .SetProperty(c => c.ConsumedAt, c => c.FailedAttempts + 1 >= _options.CodeMaxAttempts ? now : c.ConsumedAt), cancellationToken);
        return new CodeCheck(attempts >= _options.CodeMaxAttempts ? CodeCheckStatus.Exhausted : CodeCheckStatus.Invalid);
    }

    private static async Task<bool> Retire(ChatCrmDbContext db, Guid codeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.EmailCodes.Where(c => c.Id == codeId && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 1;
}
