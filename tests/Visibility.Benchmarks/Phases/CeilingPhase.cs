using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;

namespace Visibility.Benchmarks.Phases;

public sealed record CeilingFigures(LoadResult Load, CpuUsage Cpu)
{
    public double ReadingsPerSecond => Load.AcceptedPerSecond;
}

/// <summary>Phase 1: the same generator and payloads against an endpoint that only parses them.</summary>
public static class CeilingPhase
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<CeilingFigures> RunAsync(RunContext run, CancellationToken ct)
    {
        var o = run.Options;
        Out.Block("1. Ceiling: in-process bare Kestrel endpoint, body read + TelemetryBatchParser.Parse only");
        await using var server = await CeilingServer.StartAsync();
        // JIT and connections first, so the measured window is steady state like the host's.
        await run.Load.RunAsync(server.TelemetryUrl, new LoadPlan(run.Fleet, new ReadingSequence(), o.Batch, o.Concurrency, Duration: WarmUp), ct);

        var cpu = run.Cpu.Take();
        var result = await run.Load.RunAsync(server.TelemetryUrl, new LoadPlan(run.Fleet, new ReadingSequence(), o.Batch, o.Concurrency, Duration: o.Duration), ct);
        var usage = run.Cpu.Since(cpu);

        Out.Line("readings/s accepted (ceiling)", $"{Out.Rate(result.AcceptedPerSecond)}  ({result.ReadingsAccepted:N0} in {result.Elapsed.TotalSeconds:0.0} s)");
        Out.Line("requests", $"{result.Requests:N0} × {o.Batch} readings, {o.Concurrency} in flight; non-202 {result.NonAccepted}, failed {result.Failures}");
        Out.Line("request latency", $"p50 {Out.Ms(result.RequestMs.P50)}, p99 {Out.Ms(result.RequestMs.P99)}, max {Out.Ms(result.RequestMs.Max)}");
        if (result.FirstProblem != null) Out.Line("first problem", $"{result.FirstProblem}");
        Out.Lines(usage.Describe("benchmark (generator + ceiling server)"));
        Out.HostLog(run.Target.TakeNotableLogLines());
        return new CeilingFigures(result, usage);
    }
}
