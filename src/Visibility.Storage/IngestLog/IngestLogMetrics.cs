using System.Diagnostics.Metrics;

namespace Visibility.Storage;

/// <summary>The "Visibility.Storage" meter's ingest-log instruments, tagged with the log's container.</summary>
internal static class IngestLogMetrics
{
    public const string MeterName = "Visibility.Storage";

    /// <summary>The one "Visibility.Storage" meter; <see cref="DurabilityMetrics"/> adds its instruments to it.</summary>
    internal static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Appends = Meter.CreateCounter<long>(
        "visibility.storage.ingest_log.appends", "{append}", "Append-block calls (one per group commit).");

    public static readonly Counter<long> Records = Meter.CreateCounter<long>(
        "visibility.storage.ingest_log.records", "{record}", "Records made durable.");

    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>(
        "visibility.storage.ingest_log.bytes", "By", "Bytes appended, framing included.");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "visibility.storage.ingest_log.batch_size", "{record}", "Records per append block.");

    public static readonly Histogram<double> AppendLatency = Meter.CreateHistogram<double>(
        "visibility.storage.ingest_log.append_latency", "ms", "Duration of one append-block call.");

    public static readonly Counter<long> Segments = Meter.CreateCounter<long>(
        "visibility.storage.ingest_log.segments", "{segment}", "Segments started.");
}

/// <summary>What one <see cref="IngestLog"/> instance has done since it started.</summary>
/// <param name="AppendBlocks">Append-block calls that succeeded — with group commit, far fewer than records.</param>
/// <param name="Records">Records made durable.</param>
/// <param name="Bytes">Bytes appended, framing included.</param>
/// <param name="SegmentsStarted">Segments this instance created (at start, by roll, or after a failed append).</param>
/// <param name="FailedAppends">Append-block calls that failed (their records were reported as failed to the callers).</param>
public readonly record struct IngestLogStatistics(long AppendBlocks, long Records, long Bytes, long SegmentsStarted, long FailedAppends);
