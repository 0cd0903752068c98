using System.Collections.Concurrent;

namespace Visibility.Host.Ingest;

/// <summary>
/// The ids of every shipment this silo knows, so ingest can refuse readings for unknown shipments without a grain call
/// per reading. Filled from storage at start-up and on every create. (One silo per deployment; with several silos this
/// becomes a lookup grain.)
/// </summary>
public sealed class ShipmentDirectory
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;
    public bool Contains(string id) => _ids.ContainsKey(id);
    public void Add(string id) => _ids.TryAdd(id, 0);
    public IEnumerable<string> All => _ids.Keys;
}
