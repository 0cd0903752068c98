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
    private readonly ConcurrentDictionary<(string From, string To), double?> _km = new();

    public double? SeaKm(string fromCountry, string toCountry) => _km.GetOrAdd((fromCountry, toCountry), key =>
    {
        var from = GatewayPorts.For(key.From) is { } a ? locations.Find(a) : null;
        var to = GatewayPorts.For(key.To) is { } b ? locations.Find(b) : null;
        if (from == null || to == null) return null;
        return planner.Plan(TransportModes.Ocean, from.Point, to.Point)?.DistanceKm;
    });
}
