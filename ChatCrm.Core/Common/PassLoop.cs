namespace ChatCrm.Core.Common;

/// <summary>
/// The loop of a background worker that works in passes: a pass, then a wait until its signal wakes it or the next
/// poll comes. A pass that throws (the database away for a moment) is reported and the next pass tries again; only
/// stopping ends the loop.
/// </summary>
internal static class PassLoop
{
    /// <param name="nextWait">Asked after each pass: how long to wait at most before the next one.</param>
    public static async Task RunAsync(Func<CancellationToken, Task> pass, Func<TimeSpan> nextWait, WakeSignal signal, TimeProvider clock,
        Action<Exception> passFailed, CancellationToken stopping)
    {
        // Let the host finish starting; the first pass runs right after.
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await pass(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                passFailed(ex);
            }
            try
            {
                await signal.WaitAsync(nextWait(), clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
