using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Makes a reply that did no real work take about as long as one that did. Some account steps only do their slow part
/// (mail a code, check a stored code) when the address has an account; the reply's words are the same either way, but
/// its time would tell. The real branch records how long it took; the stand-in branch then waits as long as one of the
/// recent real replies, picked at random, so both follow the same spread of times whatever the mail server's speed.
/// Kept in memory per step; until a real reply of a step has been seen, the stand-in waits a fixed first guess.
/// </summary>
public sealed class ReplyPacing
{
    private const int Kept = 32;
    private static readonly TimeSpan FirstGuess = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<string, Recent> _steps = new(StringComparer.Ordinal);

    public static long Start() => Stopwatch.GetTimestamp();

    public void RecordReal(string step, long started) => _steps.GetOrAdd(step, _ => new Recent()).Add(Stopwatch.GetElapsedTime(started));

    /// <summary>Waits until the stand-in reply has taken as long as a recent real one of the same step.</summary>
    public Task PadAsync(string step, long started, CancellationToken cancellationToken = default)
    {
        var target = _steps.TryGetValue(step, out var recent) ? recent.Pick() ?? FirstGuess : FirstGuess;
        var left = target - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? Task.Delay(left, cancellationToken) : Task.CompletedTask;
    }

    private sealed class Recent
    {
        private readonly TimeSpan[] _times = new TimeSpan[Kept];
        private int _count;
        private int _next;

        public void Add(TimeSpan time)
        {
            lock (_times)
            {
                _times[_next] = time;
                _next = (_next + 1) % Kept;
                _count = Math.Min(_count + 1, Kept);
            }
        }

        public TimeSpan? Pick()
        {
            lock (_times) return _count == 0 ? null : _times[Random.Shared.Next(_count)];
        }
    }
}
