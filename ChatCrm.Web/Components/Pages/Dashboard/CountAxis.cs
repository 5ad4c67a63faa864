namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>
/// The value axis of a chart of counts: whole-number ticks at a round step (1, 2, 5, 10, 20, 50, …), at most five steps,
/// and at least three, so a month of days with 0 or 1 new leads reads 0, 1, 2, 3 rather than 0, 0.2, 0.4 … 1.
/// </summary>
internal readonly record struct CountAxis(int Step, int Top)
{
    public const int MinTop = 3;
    private const int MaxSteps = 5;

    public static CountAxis For(int largest)
    {
        largest = Math.Max(0, largest);
        long step = 1;
        while (largest > step * MaxSteps) step = NextRound(step);
        var top = Math.Max(MinTop, (largest + step - 1) / step * step);
        return new CountAxis((int)step, (int)top);
    }

    /// <summary>1 → 2 → 5 → 10 → 20 → 50 → 100 …</summary>
    private static long NextRound(long step)
    {
        long magnitude = 1;
        while (magnitude * 10 <= step) magnitude *= 10;
        return (step / magnitude) switch
        {
            1 => 2 * magnitude,
            2 => 5 * magnitude,
            _ => 10 * magnitude,
        };
    }
}
