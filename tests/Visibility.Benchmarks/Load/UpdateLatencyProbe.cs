using System.Diagnostics;
using System.Text.Json;

namespace Visibility.Benchmarks.Load;

/// <summary>
/// Update-to-client latency: remembers when each reading was sent, keyed by what the live map shows of it (shipment
/// and latitude to 4 decimals, made unique per shipment when the reading is written), and when a "mapDelta" marker
/// shows that key, records receive time − send time.
/// </summary>
/// <remarks>
/// The host coalesces markers: a delta carries each changed shipment once, with its latest position. A reading
/// followed by another of the same shipment within one flush interval may therefore never be shown; the figures
/// count such readings as superseded rather than lost.
/// </remarks>
public sealed class UpdateLatencyProbe(Fleet fleet)
{
    private struct Sent
    {
        public long At;
        public long ObservedAfterTicks; // 0 while not observed
    }

    private readonly object _lock = new();
    private readonly Dictionary<long, Sent> _sent = new();
    private long _deltas, _markers, _seqGaps, _lastSeq = -1;

    private static long Key(int ship, int lat4) => ((long)ship << 32) | (uint)lat4;

    /// <summary>Registers a reading about to be sent; returns its latitude, nudged north by 1e-4° (11 m) until unique for the shipment.</summary>
    public int Claim(int ship, int lat4, long sentAt, List<long> claimed)
    {
        lock (_lock)
        {
            while (_sent.ContainsKey(Key(ship, lat4))) lat4++;
            long key = Key(ship, lat4);
            _sent[key] = new Sent { At = sentAt };
            claimed.Add(key);
            return lat4;
        }
    }

    /// <summary>The batch was not accepted: its readings can never be shown.</summary>
    public void Forget(List<long> claimed)
    {
        lock (_lock) foreach (var key in claimed) _sent.Remove(key);
    }

    /// <summary>Called by the SignalR client for each "mapDelta" as soon as it arrives.</summary>
    public void OnDelta(JsonElement delta)
    {
        long receivedAt = Stopwatch.GetTimestamp();
        var seen = new List<long>();
        foreach (var marker in delta.GetProperty("markers").EnumerateArray())
        {
            if (!fleet.TryIndexOf(marker[0].GetString()!, out int ship)) continue;
            seen.Add(Key(ship, (int)Math.Round(marker[1].GetDouble() * 1e4)));
        }
        long seq = delta.GetProperty("seq").GetInt64();
        lock (_lock)
        {
            _deltas++;
            _markers += seen.Count;
            if (_lastSeq >= 0 && seq != _lastSeq + 1) _seqGaps++;
            _lastSeq = seq;
            foreach (var key in seen)
            {
                if (!_sent.TryGetValue(key, out var sent) || sent.ObservedAfterTicks != 0) continue;
                sent.ObservedAfterTicks = Math.Max(1, receivedAt - sent.At);
                _sent[key] = sent;
            }
        }
    }

    public void StartedAt(long snapshotSeq)
    {
        lock (_lock) _lastSeq = snapshotSeq;
    }

    public LatencyObservation Summarize(TimeSpan flushInterval)
    {
        lock (_lock)
        {
            long flushTicks = (long)(flushInterval.TotalSeconds * Stopwatch.Frequency);
            var latencies = new List<double>();
            int observable = 0, observedObservable = 0, observedSuperseded = 0;
            foreach (var group in _sent.GroupBy(kv => kv.Key >> 32))
            {
                var sends = group.Select(kv => kv.Value).OrderBy(s => s.At).ToArray();
                for (int i = 0; i < sends.Length; i++)
                {
                    bool superseded = i + 1 < sends.Length && sends[i + 1].At - sends[i].At < flushTicks;
                    bool observed = sends[i].ObservedAfterTicks != 0;
                    if (observed) latencies.Add(sends[i].ObservedAfterTicks * 1000.0 / Stopwatch.Frequency);
                    if (!superseded) observable++;
                    if (observed && !superseded) observedObservable++;
                    if (observed && superseded) observedSuperseded++;
                }
            }
            return new LatencyObservation(_sent.Count, observable, observedObservable, observedSuperseded,
                Percentiles.Of(latencies), _deltas, _markers, _seqGaps);
        }
    }
}

/// <param name="Sent">Accepted readings sent during the phase.</param>
/// <param name="Observable">Readings not followed by another of the same shipment within one flush interval.</param>
/// <param name="ObservedObservable">Observable readings whose marker arrived.</param>
/// <param name="ObservedSuperseded">Readings seen although a newer one followed quickly (a flush fell between them).</param>
public sealed record LatencyObservation(int Sent, int Observable, int ObservedObservable, int ObservedSuperseded,
    Percentiles LatencyMs, long Deltas, long Markers, long SeqGaps)
{
    public double ObservedFraction => Observable == 0 ? 0 : (double)ObservedObservable / Observable;
}
