namespace Visibility.Benchmarks.Load;

/// <summary>Nearest-rank percentiles of a set of samples (milliseconds here).</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P99, double Max)
{
    public static readonly Percentiles None = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        if (sorted.Length == 0) return None;
        Array.Sort(sorted);
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
