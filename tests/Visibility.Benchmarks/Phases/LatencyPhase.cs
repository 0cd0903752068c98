using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;

namespace Visibility.Benchmarks.Phases;

public sealed record LatencyFigures(LoadResult Load, LatencyObservation Observation, CpuUsage Cpu, int SnapshotMarkers);

/// <summary>
/// Phase 4: a SignalR map subscriber while readings arrive at a steady rate; for every reading whose marker shows up
/// in a "mapDelta", the time from sending the reading to receiving the delta.
/// </summary>
public static class LatencyPhase
{
    /// <summary>The host's map flush (Live:FlushMilliseconds, 250 by default): readings closer together than this may coalesce.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);
    /// <summary>Deltas still on their way when the load stops.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    public static async Task<LatencyFigures> RunAsync(RunContext run, CancellationToken ct)
    {
        var o = run.Options;
        Out.Block($"4. Latency: SignalR map subscriber, {Out.Rate(o.LatencyRate)} readings offered (token bucket, 10 ms ticks; open loop, ≤ {run.PacedConcurrency} in flight)");
        await RunContext.SettleAsync(TimeSpan.FromSeconds(3), ct);

        var probe = new UpdateLatencyProbe(run.Fleet);
        int closed = 0;
        await using var connection = run.Target.Hub();
        connection.On<JsonElement>("mapDelta", probe.OnDelta);
        connection.Closed += _ => { Interlocked.Increment(ref closed); return Task.CompletedTask; };
        await connection.StartAsync(ct);
        var snapshot = await connection.InvokeAsync<JsonElement>("SubscribeMap", ct);
        probe.StartedAt(snapshot.GetProperty("seq").GetInt64());
        int snapshotMarkers = snapshot.GetProperty("markers").GetArrayLength();
        Out.Line("snapshot on SubscribeMap", $"{snapshotMarkers:N0} markers");

        var cpu = run.Cpu.Take();
        var result = await run.Load.RunAsync(run.TelemetryUrl,
            new LoadPlan(run.Fleet, run.HostSequence, o.Batch, run.PacedConcurrency, Duration: o.Duration, ReadingsPerSecond: o.LatencyRate, Probe: probe), ct);
        var usage = run.Cpu.Since(cpu);
        await Task.Delay(Drain, ct);
        run.Target.EnsureAlive();
        var seen = probe.Summarize(FlushInterval);

        Out.Line("readings sent / accepted", $"{Out.Rate(result.SentPerSecond)} sent, {Out.Rate(result.AcceptedPerSecond)} accepted ({result.ReadingsAccepted:N0}); non-202 {result.NonAccepted}, failed {result.Failures}");
        if (result.PacingBacklog > 0) Out.Line("pacing backlog at the end", $"{result.PacingBacklog} batches (the host did not keep up with the offered rate)");
        Out.Line("request latency (202 = durable)", $"p50 {Out.Ms(result.RequestMs.P50)}, p99 {Out.Ms(result.RequestMs.P99)}, max {Out.Ms(result.RequestMs.Max)}");
        Out.Line("update-to-client latency", $"p50 {Out.Ms(seen.LatencyMs.P50)}, p90 {Out.Ms(seen.LatencyMs.P90)}, p99 {Out.Ms(seen.LatencyMs.P99)}, max {Out.Ms(seen.LatencyMs.Max)}  ({seen.LatencyMs.Count:N0} readings)");
        Out.Line("observed of observable", $"{seen.ObservedObservable:N0} of {seen.Observable:N0} = {seen.ObservedFraction:P2}");
        Out.Note($"  ({seen.Sent:N0} accepted readings; {seen.Sent - seen.Observable:N0} were followed within {FlushInterval.TotalMilliseconds:0} ms by a newer reading of");
        Out.Note($"   the same shipment and may coalesce into one marker — {seen.ObservedSuperseded:N0} of those were seen anyway)");
        Out.Line("deltas received", $"{seen.Deltas:N0} with {seen.Markers:N0} benchmark markers; sequence gaps {seen.SeqGaps}; connection closed {closed}×");
        if (result.FirstProblem != null) Out.Line("first problem", $"{result.FirstProblem}");
        Out.Lines(usage.Describe("benchmark process (generator + SignalR client)"));
        Out.HostLog(run.Target.TakeNotableLogLines());
        return new LatencyFigures(result, seen, usage, snapshotMarkers);
    }
}
