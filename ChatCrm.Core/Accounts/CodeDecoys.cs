using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// A stand-in for a code that was not mailed. When a code is asked for an address that gets none (no account, or an
/// account the purpose does not fit, such as a locked one), the reply says a code was sent; the code page must then
/// answer the guesses as it would for a real code: "not right" until the tries run out, then "no longer works", and
/// "expired" after the lifetime. Only the tries and the end are kept (in memory, like <see cref="CodeSendThrottle"/>);
/// no guess ever matches. A real code for the same address and purpose replaces the stand-in.
/// </summary>
public sealed class CodeDecoys(IOptions<AccountOptions> options, TimeProvider clock) : ICodeDecoys
{
    public Task IssueAsync(string key, CodePurpose purpose)
    {
        Issue(key, purpose);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string key, CodePurpose purpose)
    {
        Forget(key, purpose);
        return Task.CompletedTask;
    }

    public Task<CodeCheck?> CheckAsync(string key, CodePurpose purpose) => Task.FromResult(Check(key, purpose));

    private const int SweepThreshold = 10_000;
    // A stand-in answers "expired" well after its end, as a real code row does; only then may it be forgotten.
    private static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Decoy> _decoys = new(StringComparer.Ordinal);

    public void Issue(string key, CodePurpose purpose)
    {
        var now = clock.GetUtcNow();
        _decoys[Key(key, purpose)] = new Decoy(now.AddMinutes(options.Value.CodeLifetimeMinutes));
        if (_decoys.Count > SweepThreshold) Sweep(now);
    }

    public void Forget(string key, CodePurpose purpose) => _decoys.TryRemove(Key(key, purpose), out _);

    /// <summary>Counts a guess against the stand-in; null when the last send for this key was a real code (or none).</summary>
    public CodeCheck? Check(string key, CodePurpose purpose)
    {
        if (!_decoys.TryGetValue(Key(key, purpose), out var decoy)) return null;
        var max = options.Value.CodeMaxAttempts;
        lock (decoy)
        {
            if (decoy.Tries >= max) return new CodeCheck(CodeCheckStatus.Exhausted);
            if (decoy.ExpiresAt <= clock.GetUtcNow()) return new CodeCheck(CodeCheckStatus.Expired);
            decoy.Tries++;
            return new CodeCheck(decoy.Tries >= max ? CodeCheckStatus.Exhausted : CodeCheckStatus.Invalid);
        }
    }

    private static string Key(string key, CodePurpose purpose) => $"{purpose}:{key.Trim().ToUpperInvariant()}";

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, decoy) in _decoys)
        {
            if (decoy.ExpiresAt + KeptAfterEnd < now) _decoys.TryRemove(new KeyValuePair<string, Decoy>(key, decoy));
        }
    }

    private sealed class Decoy(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public int Tries { get; set; }
    }
}
