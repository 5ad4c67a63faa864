namespace ChatCrm.Web.Components.Pages.Leads.Import;

/// <summary>
/// Passes progress reports on at most every <paramref name="interval"/> (and always the last one), so an import
/// reporting after every batch does not flood the circuit with renders. Reports arrive on a worker thread; the
/// callback is expected to marshal onto the component's dispatcher itself (InvokeAsync).
/// </summary>
internal sealed class ThrottledProgress<T>(TimeSpan interval, Func<T, bool> isLast, Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();
    private long _lastTicks = long.MinValue;

    public void Report(T value)
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (!isLast(value) && _lastTicks != long.MinValue && now - _lastTicks < interval.TotalMilliseconds) return;
            _lastTicks = now;
        }
        report(value);
    }
}
