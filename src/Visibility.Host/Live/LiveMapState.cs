using Visibility.Domain.Shipments;
using Visibility.Grains.Live;

namespace Visibility.Host.Live;

/// <summary>
/// This silo's picture of the map: the latest marker of every shipment, what changed since the last delta, and the
/// alert events to announce. Also answers the shipment list's filters without touching every grain.
/// </summary>
public sealed class LiveMapState(TimeProvider clock)
{
    /// <summary>Arrived shipments leave the map after this long.</summary>
    public static readonly TimeSpan ArrivedRetention = TimeSpan.FromHours(12);

    private readonly object _lock = new();
    private readonly Dictionary<string, ShipmentMarker> _markers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _publishedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _arrivedAt = new(StringComparer.Ordinal);
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private List<AlertEvent> _alerts = [];
    private long _seq;

    public void Apply(LiveUpdateBatch batch)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var update in batch.Updates)
            {
                var m = update.Marker;
                // Batches from different notifier activations can arrive out of order: an older marker never replaces a newer one.
                if (_publishedAt.TryGetValue(m.Id, out var newest) && update.PublishedAt < newest) continue;
                _publishedAt[m.Id] = update.PublishedAt;
                _markers[m.Id] = m;
                _changed.Add(m.Id);
                if (m.Status is ShipmentStatus.Arrived or ShipmentStatus.Delivered) _arrivedAt.TryAdd(m.Id, now);
                foreach (var change in update.AlertChanges)
                    _alerts.Add(new AlertEvent(m.Id, change.Kind.ToApi(), change.Opened ? "opened" : "cleared", change.At, change.Message));
            }
        }
    }

    public MapSnapshot Snapshot()
    {
        lock (_lock)
            return new MapSnapshot(_seq, clock.GetUtcNow(), _markers.Values.Select(m => new WireMarker(m)).ToArray(), CountsLocked());
    }

    /// <summary>Takes what changed since the previous delta, or null when nothing did. Advances the sequence number.</summary>
    public (MapDelta Delta, IReadOnlyCollection<string> Changed)? TakeDelta()
    {
        lock (_lock)
        {
            var removed = ExpireArrivedLocked();
            if (_changed.Count == 0 && _alerts.Count == 0 && removed.Length == 0) return null;
            var changed = _changed;
            var markers = changed.Where(_markers.ContainsKey).Select(id => new WireMarker(_markers[id])).ToArray();
            var delta = new MapDelta(++_seq, clock.GetUtcNow(), markers, removed, CountsLocked(), [.. _alerts]);
            _changed = new(StringComparer.Ordinal);
            _alerts = [];
            return (delta, changed);
        }
    }

    public IReadOnlyList<ShipmentMarker> Query(Func<ShipmentMarker, bool> predicate)
    {
        lock (_lock) return _markers.Values.Where(predicate).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    public int Count { get { lock (_lock) return _markers.Count; } }

    private string[] ExpireArrivedLocked()
    {
        if (_arrivedAt.Count == 0) return [];
        var cutoff = clock.GetUtcNow() - ArrivedRetention;
        var expired = _arrivedAt.Where(kv => kv.Value < cutoff).Select(kv => kv.Key).ToArray();
        foreach (var id in expired)
        {
            _arrivedAt.Remove(id);
            _markers.Remove(id);
            _publishedAt.Remove(id);
            _changed.Remove(id);
        }
        return expired;
    }

    private MapCounts CountsLocked()
    {
        int planned = 0, inTransit = 0, arrived = 0, late = 0, cold = 0, off = 0, stalled = 0, silent = 0;
        foreach (var m in _markers.Values)
        {
            switch (m.Status)
            {
                case ShipmentStatus.Planned: planned++; break;
                case ShipmentStatus.InTransit: inTransit++; break;
                default: arrived++; break; // arrived or delivered
            }
            if ((m.Flags & AlertKind.Late) != 0) late++;
            if ((m.Flags & AlertKind.ColdChain) != 0) cold++;
            if ((m.Flags & AlertKind.OffRoute) != 0) off++;
            if ((m.Flags & AlertKind.Stalled) != 0) stalled++;
            if ((m.Flags & AlertKind.Silent) != 0) silent++;
        }
        return new MapCounts(_markers.Count, planned, inTransit, arrived, late, cold, off, stalled, silent);
    }
}
