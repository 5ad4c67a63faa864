namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Coalesces refresh requests (STYLE.md #7): a burst of events within <c>delay</c> gives one refresh, and a request
/// that arrives while a refresh runs gives exactly one more afterwards, never two overlapping. Used from the circuit's
/// own thread only, so it needs no lock.
/// </summary>
internal sealed class RefreshGate(Func<Task> refresh, TimeSpan delay)
{
    private bool _running;
    private bool _again;

    public async Task RequestAsync()
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        try
        {
            do
            {
                _again = false;
                if (delay > TimeSpan.Zero) await Task.Delay(delay);
                await refresh();
            }
            while (_again);
        }
        finally
        {
            _running = false;
        }
    }
}
