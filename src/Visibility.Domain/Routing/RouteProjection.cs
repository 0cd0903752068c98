namespace Visibility.Domain.Routing;

/// <summary>
/// Where a point lies relative to a route: the nearest point on the polyline is <see cref="AlongKm"/> from the start,
/// <see cref="CrossTrackKm"/> away from the point (unsigned), on segment <see cref="Segment"/> (pass it back as the
/// hint for the next projection of the same moving object).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct RouteProjection(
    [property: Id(0)] double AlongKm,
    [property: Id(1)] double CrossTrackKm,
    [property: Id(2)] int Segment);
