using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;

namespace Visibility.Benchmarks.Phases;

public sealed record ThroughputFigures(LoadResult Load, CpuUsage Cpu, double RatioToCeiling, long? RssAfter);

/// <summary>Phase 3: batches cycling over every shipment, as fast as the host answers (or at --rate).</summary>
public static class ThroughputPhase
{
    public static async Task<ThroughputFigures> RunAsync(RunContext run, CeilingFigures ceiling, SetupFigures setup, CancellationToken ct)
    {
        var o = run.Options;
        string pace = o.Rate > 0 ? $"offered {Out.Rate(o.Rate)} (open loop, ≤ {run.PacedConcurrency} in flight)" : $"as fast as the host answers, {o.Concurrency} in flight";
        Out.Block($"3. Throughput: POST /api/telemetry, {o.Batch} readings per batch over {run.Fleet.Count:N0} shipments, {pace}");
        await RunContext.SettleAsync(TimeSpan.FromSeconds(3), ct);

        var cpu = run.Cpu.Take();
        var result = await run.Load.RunAsync(run.TelemetryUrl,
            new LoadPlan(run.Fleet, run.HostSequence, o.Batch, o.Rate > 0 ? run.PacedConcurrency : o.Concurrency, Duration: o.Duration, ReadingsPerSecond: o.Rate), ct);
        var usage = run.Cpu.Since(cpu);
        run.Target.EnsureAlive();
        double ratio = result.AcceptedPerSecond / ceiling.ReadingsPerSecond;

        Out.Line("readings/s accepted", $"{Out.Rate(result.AcceptedPerSecond)}  ({result.ReadingsAccepted:N0} in {result.Elapsed.TotalSeconds:0.0} s)");
        Out.Line("ratio to the ceiling", $"{ratio:P1} of {Out.Rate(ceiling.ReadingsPerSecond)}");
        Out.Line("requests", $"{result.Requests:N0}; non-202 {result.NonAccepted}, failed {result.Failures}");
        Out.Line("request latency (202 = durable)", $"p50 {Out.Ms(result.RequestMs.P50)}, p99 {Out.Ms(result.RequestMs.P99)}, max {Out.Ms(result.RequestMs.Max)}");
        if (o.Rate > 0) Out.Line("offered vs sent", $"{Out.Rate(o.Rate)} offered, {Out.Rate(result.SentPerSecond)} sent, {result.PacingBacklog} batches still waiting at the end");
        if (result.FirstProblem != null) Out.Line("first problem", $"{result.FirstProblem}");
        Out.Lines(usage.Describe());
        Out.HostLog(run.Target.TakeNotableLogLines());
        long? rss = run.Target.HostPid is { } pid ? ProcessStats.RssBytes(pid) : null;
        if (rss is { } r && setup.RssBefore is { } before)
            Out.Line("host RSS after the phase", $"{Out.Mb(r)} = {(r - before) / 1024.0 / run.Fleet.Count:0.0} KB per shipment over the pre-setup RSS (informational: GC headroom under load included)");
        return new ThroughputFigures(result, usage, ratio, rss);
    }
}
