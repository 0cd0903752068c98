using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Sourcing;

/// <summary>A sea lane from a sourcing country's gateway port to the factory country's: its route and both ports.</summary>
public sealed record SourcingLane(string Country, string OriginPort, string DestinationPort, PlannedRoute? Route);

/// <summary>An open disruption that touches the lane of at least one sourcing country.</summary>
public sealed record LaneDisruption(string Id, string Type, string Title, string[] Countries);

/// <summary>How much of a part's volume travels on lanes an open disruption touches, and which disruptions.</summary>
public sealed record Exposure(double ExposedSharePct, LaneDisruption[] Disruptions);

/// <summary>
/// Exposure of a sourcing mix to the disruptions open now: a country's share is exposed when its lane passes a closed
/// chokepoint, starts or ends at a closed or congested port, or crosses a hazard or security zone. Supplier-site outages
/// are not lane exposure (the what-if moves volume between countries, not between suppliers) and are left out here.
/// </summary>
public static class LaneExposure
{
    public static Exposure Of(IReadOnlyList<CountryShare> shares, Func<string, SourcingLane?> laneOf, IReadOnlyList<DisruptionView> open)
    {
        var touched = new Dictionary<string, (DisruptionView View, List<string> Countries)>(StringComparer.Ordinal);
        double exposed = 0;
        foreach (var share in shares)
        {
            if (laneOf(share.Country) is not { } lane) continue;
            bool any = false;
            foreach (var d in open)
            {
                if (!Touches(d, lane)) continue;
                any = true;
                if (!touched.TryGetValue(d.Id, out var t)) touched[d.Id] = t = (d, []);
                t.Countries.Add(share.Country);
            }
            if (any) exposed += share.SharePct;
        }
        return new Exposure(Math.Round(exposed, 2), touched.Values
            .Select(t => new LaneDisruption(t.View.Id, t.View.Type, t.View.Title, [.. t.Countries.Order(StringComparer.Ordinal)]))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToArray());
    }

    public static bool Touches(DisruptionView d, SourcingLane lane) => d.Type switch
    {
        "chokepoint-closure" => d.Chokepoint != null && lane.Route?.Passes.Contains(d.Chokepoint, StringComparer.Ordinal) == true,
        "port-closure" or "port-congestion" or "customs-hold" => d.Locode == lane.OriginPort || d.Locode == lane.DestinationPort,
        "natural-hazard" or "security-zone" => d.Zone != null && lane.Route != null && lane.Route.Path.Any(p => Contains(d.Zone, p)),
        _ => false,
    };

    private static bool Contains(ZoneView zone, GeoPoint p)
    {
        if (zone.Center is { } c) return GeoMath.HaversineKm(c, p) <= (zone.RadiusKm ?? 0);
        var polygons = zone.Polygons!.Select(poly => poly.Select(ring => ring.Select(xy => new GeoPoint(xy[1], xy[0])).ToArray()).ToArray()).ToArray();
        return ZoneGeometry.FromPolygons(polygons).Contains(p);
    }
}
