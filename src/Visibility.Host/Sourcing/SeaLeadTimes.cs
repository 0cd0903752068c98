using System.Collections.Concurrent;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Sourcing;

namespace Visibility.Host.Sourcing;

/// <summary>
/// Sea route length from a country's gateway port to a factory country's, planned once per pair on the real sea
/// network and kept: a factory-wide what-if over thousands of parts asks only a handful of distinct pairs.
/// </summary>
public sealed class SeaLeadTimes(RoutePlanner planner, LocationCatalog locations)
{
    private readonly ConcurrentDictionary<(string From, string To), SourcingLane?> _lanes = new();

    public double? SeaKm(string fromCountry, string toCountry) => Lane(fromCountry, toCountry)?.Route?.DistanceKm;

    /// <summary>The lane between the two countries' gateway ports; null for an unknown country.</summary>
    public SourcingLane? Lane(string fromCountry, string toCountry) => _lanes.GetOrAdd((fromCountry, toCountry), key =>
    {
        var from = GatewayPorts.For(key.From) is { } a ? locations.Find(a) : null;
        var to = GatewayPorts.For(key.To) is { } b ? locations.Find(b) : null;
        if (from == null || to == null) return null;
        var route = from.Locode == to.Locode ? null : planner.Plan(TransportModes.Ocean, from.Point, to.Point);
        return new SourcingLane(key.From, from.Locode, to.Locode, route);
    });
}
