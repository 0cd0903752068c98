using System.Diagnostics.Metrics;

namespace Visibility.Storage;

/// <summary>
/// The "Visibility.Storage" meter's durability instruments: how often the embedded storage saves its indexes for
/// acknowledgements and how long a save takes (the wait every acknowledgement shares), and writes refused while storage
/// is unavailable.
/// </summary>
public static class DurabilityMetrics
{
    private static Meter Meter => IngestLogMetrics.Meter;

    public static readonly Counter<long> Saves = Meter.CreateCounter<long>(
        "visibility.storage.durability.saves", "{save}", "Index saves of the embedded storage (one per group of waiting acknowledgements).");

    public static readonly Histogram<double> SaveLatency = Meter.CreateHistogram<double>(
        "visibility.storage.durability.save_latency", "ms", "From asking the embedded storage to save to its confirmation.");

    public static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "visibility.storage.unavailable_refusals", "{request}", "Writes answered 503 because storage was unavailable or failed.");
}
