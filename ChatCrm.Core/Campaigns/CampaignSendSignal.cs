using System.Threading.Channels;

namespace ChatCrm.Core.Campaigns;

/// <summary>Wakes the background sender at once when a send starts, instead of at its next poll.</summary>
public sealed class CampaignSendSignal
{
    // One pending wake-up is enough: the sender looks at every running campaign each time it wakes.
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
