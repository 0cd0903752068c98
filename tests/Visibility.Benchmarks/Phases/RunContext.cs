using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Target;

namespace Visibility.Benchmarks.Phases;

/// <summary>What every phase works with: the options, the host under test, the fleet and the one load generator.</summary>
public sealed record RunContext(BenchmarkOptions Options, BenchTarget Target, Fleet Fleet, TelemetryLoad Load, CpuMeter Cpu)
{
    /// <summary>Numbers the readings sent to the host across phases, so message ids stay unique and positions advance.</summary>
    public ReadingSequence HostSequence { get; } = new();

    /// <summary>
    /// In-flight cap for paced phases. Trackers do not wait for each other, so a paced phase is open-loop: a batch
    /// goes when it is due, whatever is still in flight; a slow host shows as latency, not as a lower offered rate.
    /// </summary>
    public int PacedConcurrency => Math.Max(MaxPacedConcurrency, Options.Concurrency);

    public const int MaxPacedConcurrency = 256;

    public Uri TelemetryUrl => new(Target.BaseUrl + "/api/telemetry");

    /// <summary>Lets the host finish what the previous phase queued (grain writes, pushes) before the next one measures.</summary>
    public static Task SettleAsync(TimeSpan time, CancellationToken ct) => Task.Delay(time, ct);
}
