namespace Visibility.Simulator;

/// <summary>
/// Collects readings from many shipments into batches of at most BatchSize for POST /api/telemetry.
/// Not thread-safe: one scheduling loop owns it.
/// </summary>
public sealed class TelemetryBatcher(int batchSize)
{
    private List<TelemetryReading> _current = new(batchSize);

    public int BatchSize { get; } = batchSize is >= 1 and <= 1000
        ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize), "the contract allows 1..1000 readings per batch");

    public int Pending => _current.Count;

    /// <summary>Adds a reading; returns a full batch when this one completed it, else null.</summary>
    public IReadOnlyList<TelemetryReading>? Add(TelemetryReading reading)
    {
        _current.Add(reading);
        if (_current.Count < BatchSize) return null;
        var full = _current;
        _current = new List<TelemetryReading>(BatchSize);
        return full;
    }

    /// <summary>Hands over whatever is pending (null when nothing is), so no reading waits past one tick.</summary>
    public IReadOnlyList<TelemetryReading>? Flush()
    {
        if (_current.Count == 0) return null;
        var partial = _current;
        _current = new List<TelemetryReading>(BatchSize);
        return partial;
    }

    /// <summary>
    /// How often the loop samples due shipments: about one full batch per tick (readings spread evenly,
    /// not one burst per interval), but at least 5 and at most 1 tick per second to keep latency low
    /// and the loop cheap.
    /// </summary>
    public static TimeSpan TickPeriod(int shipments, double reportIntervalSeconds, int batchSize)
    {
        double readingsPerSecond = Math.Max(1, shipments) / reportIntervalSeconds;
        double seconds = Math.Clamp(batchSize / readingsPerSecond, 0.2, 1.0);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Removes the readings a 400 named ("[7].shipmentId": index 7) so the rest can be resent:
    /// the contract applies nothing of a rejected batch. Returns the kept readings and the rejected ones.
    /// </summary>
    public static (IReadOnlyList<TelemetryReading> Kept, IReadOnlyList<TelemetryReading> Rejected) WithoutRejected(
        IReadOnlyList<TelemetryReading> batch, IEnumerable<string> errorKeys)
    {
        var bad = new HashSet<int>();
        foreach (var key in errorKeys)
        {
            if (key.Length < 3 || key[0] != '[') continue;
            int close = key.IndexOf(']');
            if (close > 1 && int.TryParse(key.AsSpan(1, close - 1), out int index) && index >= 0 && index < batch.Count)
                bad.Add(index);
        }
        var kept = new List<TelemetryReading>(batch.Count - bad.Count);
        var rejected = new List<TelemetryReading>(bad.Count);
        for (int i = 0; i < batch.Count; i++) (bad.Contains(i) ? rejected : kept).Add(batch[i]);
        return (kept, rejected);
    }
}
