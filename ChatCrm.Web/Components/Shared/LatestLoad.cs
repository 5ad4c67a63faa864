namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// Runs a list's loads so the newest one wins (STYLE.md #7): paging, sorting and typing can start a load before the
/// last one finished; the older one is cancelled and whatever it still returns is dropped, so results never arrive
/// out of order.
/// </summary>
public sealed class LatestLoad : IDisposable
{
    private CancellationTokenSource? _current;

    public bool IsLoading { get; private set; }

    /// <param name="load">Fetches, then returns what to apply to the page; it is applied only if no newer load started.</param>
    /// <returns>The failure, or null when the load was applied or superseded.</returns>
    public async Task<Exception?> RunAsync(Func<CancellationToken, Task<Action>> load)
    {
        _current?.Cancel();
        var mine = _current = new CancellationTokenSource();
        IsLoading = true;
        try
        {
            var apply = await load(mine.Token);
            if (!mine.IsCancellationRequested) apply();
            return null;
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            if (ReferenceEquals(_current, mine))
            {
                _current = null;
                IsLoading = false;
            }
            mine.Dispose();
        }
    }

    public void Dispose() => _current?.Cancel();
}

/// <summary>Waits for a pause in typing: each call cancels the previous wait.</summary>
public sealed class Debouncer(TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;

    /// <returns>True when no newer call came during the delay.</returns>
    public async Task<bool> WaitAsync()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        var mine = _pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(delay, mine.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
