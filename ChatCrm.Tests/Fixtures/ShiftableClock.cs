namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The system clock plus an offset a test can move forward, so a code can expire or a cooldown pass without waiting.
/// Everything else (timers, timestamps) is the real clock's.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
