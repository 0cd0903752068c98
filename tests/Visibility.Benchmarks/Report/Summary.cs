using System.Globalization;
using Visibility.Benchmarks.Phases;

namespace Visibility.Benchmarks.Report;

/// <summary>The closing table: each target of the issue, what this run measured, PASS or MISS.</summary>
public static class Summary
{
    public const double ThroughputTarget = 20_000;
    public const double LatencyP99TargetMs = 1_000;
    /// <summary>Share of observable readings that must have been seen for a p99 to mean anything.</summary>
    public const double LatencyMinObserved = 0.99;
    public const double MemoryTargetBytes = 20 * 1024;

    public static void Print(BenchmarkOptions o, CeilingFigures ceiling, SetupFigures setup, ThroughputFigures throughput, LatencyFigures latency)
    {
        var rows = new List<(string Target, string Measured, string Result)>
        {
            ("≥ 20,000 readings/s sustained, batches of 100, 10,000 active shipments",
                F($"{throughput.Load.AcceptedPerSecond:N0} readings/s ({throughput.RatioToCeiling:P0} of ceiling {ceiling.ReadingsPerSecond:N0}/s)"),
                Verdict(throughput.Load.AcceptedPerSecond >= ThroughputTarget && throughput.Load.NonAccepted == 0 && throughput.Load.Failures == 0)),
            ("p99 update-to-client < 1 s at 5,000 readings/s",
                F($"p99 {Out.Ms(latency.Observation.LatencyMs.P99)}, p50 {Out.Ms(latency.Observation.LatencyMs.P50)}; {latency.Observation.ObservedFraction:P1} observed at {latency.Load.AcceptedPerSecond:N0}/s"),
                Verdict(latency.Observation.LatencyMs.P99 < LatencyP99TargetMs && latency.Observation.ObservedFraction >= LatencyMinObserved
                        && latency.Load.AcceptedPerSecond >= 0.95 * o.LatencyRate)),
            ("≤ 20 KB memory per active shipment (managed heap growth / shipments)",
                MemoryMeasured(setup),
                setup.HeapBytesPerShipment is { } heap ? Verdict(heap <= MemoryTargetBytes)
                : setup.BytesPerShipment is { } bytes ? Verdict(bytes <= MemoryTargetBytes) + " (RSS)" : "n/a"),
        };

        Out.Block("Summary");
        int w0 = rows.Max(r => r.Target.Length), w1 = rows.Max(r => r.Measured.Length);
        Console.WriteLine($"  {"Target".PadRight(w0)}  {"Measured".PadRight(w1)}  Result");
        Console.WriteLine($"  {new string('-', w0)}  {new string('-', w1)}  ------");
        foreach (var (target, measured, result) in rows) Console.WriteLine($"  {target.PadRight(w0)}  {measured.PadRight(w1)}  {result}");
        Console.WriteLine();
        Console.WriteLine(F($"  Run: {o.Shipments:N0} shipments, batch {o.Batch}, {o.DurationSeconds} s phases, {o.Concurrency} in flight, latency at {o.LatencyRate:N0}/s offered; {Environment.ProcessorCount} cores shared by generator, host and Azurite."));
        if (!o.AtTargetSizes) Console.WriteLine("  Note: this run is smaller than the sizes the targets are stated for; PASS/MISS compares unlike with like.");
        Console.WriteLine(F($"  Throughput phase CPU: host {Cores(throughput.Cpu.Host, throughput.Cpu.Wall)}, Azurite {Cores(throughput.Cpu.Azurite, throughput.Cpu.Wall)}, generator {Cores(throughput.Cpu.Self, throughput.Cpu.Wall)} cores."));
    }

    /// <summary>
    /// The heap figure decides (live objects per shipment); RSS is shown beside it because it also holds what the GC
    /// and the runtime keep committed. Without the heap figure (an older host, --url) the RSS figure decides.
    /// </summary>
    private static string MemoryMeasured(SetupFigures setup) => (setup.HeapBytesPerShipment, setup.BytesPerShipment) switch
    {
        ({ } heap, { } rss) => F($"{heap / 1024:0.0} KB heap (RSS {rss / 1024:0.0} KB incl. runtime reserve)"),
        ({ } heap, null) => F($"{heap / 1024:0.0} KB heap"),
        (null, { } rss) => F($"{rss / 1024:0.0} KB RSS (no heap figure: host does not allow a forced GC)"),
        _ => "n/a (--url)",
    };

    private static string Cores(TimeSpan? cpu, TimeSpan wall) => cpu is { } c ? (c.TotalSeconds / wall.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Verdict(bool met) => met ? "PASS" : "MISS";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
