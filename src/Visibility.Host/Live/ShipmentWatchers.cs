using System.Collections.Concurrent;

namespace Visibility.Host.Live;

/// <summary>Which connections watch which shipment's detail, so only watched shipments cost a view fetch per flush.</summary>
public sealed class ShipmentWatchers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byShipment = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byConnection = new(StringComparer.Ordinal);

    public static string GroupFor(string shipmentId) => "ship:" + shipmentId;

    public void Watch(string connectionId, string shipmentId)
    {
        _byShipment.GetOrAdd(shipmentId, _ => new()).TryAdd(connectionId, 0);
        _byConnection.GetOrAdd(connectionId, _ => new()).TryAdd(shipmentId, 0);
    }

    public void Unwatch(string connectionId, string shipmentId)
    {
        if (_byShipment.TryGetValue(shipmentId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            if (connections.IsEmpty) _byShipment.TryRemove(shipmentId, out _);
        }
        if (_byConnection.TryGetValue(connectionId, out var shipments)) shipments.TryRemove(shipmentId, out _);
    }

    public void Disconnected(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var shipments)) return;
        foreach (var shipmentId in shipments.Keys) Unwatch(connectionId, shipmentId);
    }

    public bool IsWatched(string shipmentId) => _byShipment.ContainsKey(shipmentId);
}
