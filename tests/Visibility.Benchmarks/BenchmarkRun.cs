using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Phases;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;

namespace Visibility.Benchmarks;

/// <summary>
/// One benchmark run. Order: lanes (routes needed for every payload), ceiling (while the host is still idle),
/// setup with the memory figure, throughput, latency, summary. With --buffers only the buffer wave runs instead, with
/// --disruption only the closure.
/// </summary>
public sealed class BenchmarkRun(BenchmarkOptions options)
{
    public async Task RunAsync(CancellationToken ct)
    {
        string runTag = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        if (options.WhatIf)
        {
            await new WhatIf.WhatIfRun(options).RunAsync(runTag, ct);
            return;
        }
        if (options.Buffers)
        {
            await new Buffers.BufferWaveRun(options).RunAsync(runTag, ct);
            return;
        }
        if (options.Soak)
        {
            await new Soak.CrashSoakRun(options).RunAsync(runTag, ct);
            return;
        }
        if (options.Disruption)
        {
            await new Disruption.ClosureRun(options).RunAsync(runTag, ct);
            return;
        }
        Out.Block($"Visibility benchmark (run {runTag})");
        Out.Line("options", $"{(options.Embedded ? "embedded default (durable acknowledgements), " : "")}shipments {options.Shipments:N0}, batch {options.Batch}, duration {options.DurationSeconds} s, rate {(options.Rate > 0 ? options.Rate.ToString("N0") : "max")}, latency-rate {options.LatencyRate:N0}/s, concurrency {options.Concurrency}{(options.Quick ? " (quick)" : "")}");

        // The forced GC lets the setup phase measure the managed heap per shipment (live objects only).
        await using var target = options.Url is { } url ? await BenchTarget.AttachAsync(url)
            : await BenchTarget.StartAsync(new Dictionary<string, string> { [HostMemory.AllowGcSetting] = "true" }, options.Embedded);
        Out.Line("host", $"{target.BaseUrl}{(target.HostPid is { } pid ? $" (pid {pid}, Azurite pid {target.AzuritePid})" : " (not started by us)")}");
        if (target.LogPath != null) Out.Line("host log", $"{target.LogPath}");
        Out.HostLog(target.TakeNotableLogLines());

        using var load = new TelemetryLoad(Math.Max(options.Concurrency, RunContext.MaxPacedConcurrency), runTag);
        load.UseDeviceKey(target.DeviceKey);
        var run = new RunContext(options, target, new Fleet(options.Shipments, runTag), load, new CpuMeter(target.HostPid, target.AzuritePid));

        await SetupPhase.BookLaneLeadersAsync(run, ct);
        var ceiling = await CeilingPhase.RunAsync(run, ct);
        var setup = await SetupPhase.RunAsync(run, ct);
        var throughput = await ThroughputPhase.RunAsync(run, ceiling, setup, ct);
        var latency = await LatencyPhase.RunAsync(run, ct);
        Summary.Print(options, ceiling, setup, throughput, latency);
    }
}
