using System.Globalization;

namespace ChatCrm.Benchmarks;

/// <summary>Percentiles over a set of samples in milliseconds.</summary>
internal sealed record Stats(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average());
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public override string ToString() => $"n={Count} p50={Ms(P50)} ms p95={Ms(P95)} ms p99={Ms(P99)} ms max={Ms(Max)} ms";
}
