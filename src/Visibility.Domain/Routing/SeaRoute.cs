using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A sea route from a point to a point. <see cref="Path"/> starts at the origin and ends at the destination (the legs
/// to and from the network included); longitudes are in [-180, 180], so a Pacific crossing simply jumps from 179.x to
/// -179.x and a map splits the line there. <see cref="Passes"/> lists chokepoint names in the order sailed, once each.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeaRoute(
    [property: Id(0)] double DistanceKm,
    [property: Id(1)] IReadOnlyList<GeoPoint> Path,
    [property: Id(2)] IReadOnlyList<string> Passes);
