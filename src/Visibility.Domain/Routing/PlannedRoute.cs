using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A route for one transport mode. <see cref="DistanceKm"/> is the distance to charge time and cost against; for trucks
/// it includes the road circuity factor, so it is longer than the drawn great-circle <see cref="Path"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlannedRoute(
    [property: Id(0)] string Mode,
    [property: Id(1)] double DistanceKm,
    [property: Id(2)] IReadOnlyList<GeoPoint> Path,
    [property: Id(3)] IReadOnlyList<string> Passes);
