using Orleans.Concurrency;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;

namespace Visibility.Grains.Disruptions;

/// <summary>
/// Who a disruption can reach, so that it asks only them: one grain per chokepoint ("chokepoint:suez"), per destination
/// port ("port:NLRTM") and per 5° geo-cell ("cell:r:c", <see cref="GeoCells"/>). Shipments join the chokepoints their
/// remaining route passes, their destination port and the cell they are in; supplier sites join their cell. The
/// index also holds the disruptions active on it, so a shipment that joins later (booked during a closure, sailing
/// into a cell with a storm) gets them at once. In memory: members join again when they activate, and active
/// disruptions assert themselves again at start (<see cref="IDisruptionGrain.Wake"/>).
/// </summary>
public interface IDisruptionIndexGrain : IGrainWithStringKey
{
    [OneWay]
    Task JoinShipment(string shipmentId);

    [OneWay]
    Task LeaveShipment(string shipmentId);

    [OneWay]
    Task JoinSite(IndexSite site);

    /// <summary>Holds the disruption and asks every member; answers with those affected (and how many were asked).</summary>
    Task<IndexApplyResult> Apply(DisruptionEffect effect);

    /// <summary>Drops the disruption and tells every member that held it. Returns the shipments told.</summary>
    Task<string[]> Lift(string disruptionId);

    Task<IndexStats> GetStats();
}

[GenerateSerializer, Immutable]
public sealed record IndexSite([property: Id(0)] string SupplierId, [property: Id(1)] string SiteId, [property: Id(2)] GeoPoint At);

[GenerateSerializer, Immutable]
public sealed record IndexApplyResult([property: Id(0)] ShipmentImpact[] Shipments, [property: Id(1)] SiteImpact[] Sites, [property: Id(2)] int Asked);

[GenerateSerializer, Immutable]
public sealed record IndexStats([property: Id(0)] int Shipments, [property: Id(1)] int Sites, [property: Id(2)] string[] Disruptions);

public static class IndexKeys
{
    // Interned: every shipment grain holds the keys of the indexes it joined, and thousands share each one.
    public static string Chokepoint(string name) => string.Intern("chokepoint:" + name);

    public static string Port(string locode) => string.Intern("port:" + locode);

    /// <summary>The indexes a disruption asks: its chokepoint, its port or the cells its area touches (none for a site outage).</summary>
    public static IReadOnlyList<string> For(DisruptionDefinition d) => d.Type switch
    {
        DisruptionType.ChokepointClosure => [Chokepoint(d.Chokepoint!)],
        DisruptionType.PortClosure or DisruptionType.PortCongestion or DisruptionType.CustomsHold => [Port(d.Locode!)],
        DisruptionType.NaturalHazard or DisruptionType.SecurityZone => GeoCells.Covering(d.Zone!.Bounds()),
        _ => [],
    };
}
