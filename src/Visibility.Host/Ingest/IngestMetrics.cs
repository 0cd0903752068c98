using System.Diagnostics.Metrics;

namespace Visibility.Host.Ingest;

/// <summary>Counters for diagnosing ingest load (readable with dotnet-counters: Meter "Visibility.Ingest").</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "Visibility.Ingest";
    private readonly Meter _meter = new(MeterName);

    public Counter<long> Batches { get; }
    public Counter<long> Accepted { get; }
    public Counter<long> Duplicates { get; }
    public Counter<long> Stale { get; }
    public Counter<long> Rejected { get; }
    public Histogram<double> AckLatencyMs { get; }

    public IngestMetrics()
    {
        Batches = _meter.CreateCounter<long>("visibility.ingest.batches", description: "Telemetry batches acknowledged");
        Accepted = _meter.CreateCounter<long>("visibility.ingest.readings.accepted", description: "Readings applied");
        Duplicates = _meter.CreateCounter<long>("visibility.ingest.readings.duplicate", description: "Readings recognised as duplicates");
        Stale = _meter.CreateCounter<long>("visibility.ingest.readings.stale", description: "Readings older than the idempotency window, not applied");
        Rejected = _meter.CreateCounter<long>("visibility.ingest.batches.rejected", description: "Batches refused as invalid");
        AckLatencyMs = _meter.CreateHistogram<double>("visibility.ingest.ack.latency", "ms", "Request received to durable acknowledgement");
    }

    public void Dispose() => _meter.Dispose();
}
