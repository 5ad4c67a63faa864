using System.Threading.Channels;

namespace ChatCrm.Core.Common;

/// <summary>
/// Wakes a background worker at once when there is work, instead of at its next poll. Each worker has its own
/// subclass, so the container hands every worker its own signal.
/// </summary>
public abstract class WakeSignal
{
    // One pending wake-up is enough: a worker looks at everything due each time it wakes.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="timeout"/> has passed; throws only when <paramref name="stopping"/> fires.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken stopping)
    {
        using var poll = new CancellationTokenSource(timeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping, poll.Token);
        try
        {
            await _wakeUps.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up.
        }
    }
}
