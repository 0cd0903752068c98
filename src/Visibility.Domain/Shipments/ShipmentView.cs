using Visibility.Domain.Routing;

namespace Visibility.Domain.Shipments;

/// <summary>The shipment as the API and the dashboard show it (GET /api/shipments/{id}).</summary>
[GenerateSerializer, Immutable]
public sealed record ShipmentView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Reference { get; init; }
    [Id(2)] public required string Mode { get; init; }
    [Id(3)] public required string Origin { get; init; }
    [Id(4)] public required string Destination { get; init; }
    [Id(5)] public string? OriginName { get; init; }
    [Id(6)] public string? DestinationName { get; init; }
    [Id(7)] public required string Status { get; init; }
    [Id(8)] public PositionView? Position { get; init; }
    [Id(9)] public double? HeadingDeg { get; init; }
    [Id(10)] public double? SpeedKnots { get; init; }
    [Id(11)] public double ProgressPct { get; init; }
    [Id(12)] public double DistanceKm { get; init; }
    [Id(13)] public double DistanceRemainingKm { get; init; }
    [Id(14)] public DateTimeOffset PlannedDeparture { get; init; }
    [Id(15)] public DateTimeOffset PlannedEta { get; init; }
    [Id(16)] public DateTimeOffset Eta { get; init; }
    [Id(17)] public double DelayHours { get; init; }
    [Id(18)] public TelemetryView? LastTelemetry { get; init; }
    [Id(19)] public AlertView[] Alerts { get; init; } = [];
    [Id(20)] public CargoLine[] Cargo { get; init; } = [];
    [Id(21)] public ReeferRange? Reefer { get; init; }
    [Id(22)] public string[] Passes { get; init; } = [];
    [Id(23)] public TemperatureView[] TemperatureHistory { get; init; } = [];
    [Id(24)] public long Readings { get; init; }
    [Id(25)] public DateTimeOffset? ArrivedAt { get; init; }
    [Id(26)] public MilestoneView[] Milestones { get; init; } = [];
    /// <summary>The supplier that ships it, or null.</summary>
    [Id(27)] public string? SupplierId { get; init; }
    /// <summary>True while the route differs from the booked one because of a closure.</summary>
    [Id(28)] public bool Rerouted { get; init; }
    /// <summary>The booked route length (differs from <see cref="DistanceKm"/> after a re-route).</summary>
    [Id(29)] public double PlannedDistanceKm { get; init; }
    /// <summary>Active disruptions that hold this shipment, with what each did to it.</summary>
    [Id(30)] public ShipmentDisruptionView[] Disruptions { get; init; } = [];
}

/// <param name="Effect">rerouted, delayed, held, stranded, in-zone or watching (a zone it may sail into).</param>
/// <param name="AddedDays">How far it moved the ETA when it took effect.</param>
[GenerateSerializer, Immutable]
public sealed record ShipmentDisruptionView(
    [property: Id(0)] string Id, [property: Id(1)] string Type, [property: Id(2)] string Title,
    [property: Id(3)] string Effect, [property: Id(4)] double AddedDays);

[GenerateSerializer, Immutable]
public sealed record PositionView([property: Id(0)] double Lat, [property: Id(1)] double Lon, [property: Id(2)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record TelemetryView(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double? SpeedKnots,
    [property: Id(2)] double? HeadingDeg,
    [property: Id(3)] double? TemperatureC,
    [property: Id(4)] double? HumidityPct,
    [property: Id(5)] double? ShockG,
    [property: Id(6)] bool? DoorOpen,
    [property: Id(7)] double? BatteryPct);

[GenerateSerializer, Immutable]
public sealed record AlertView([property: Id(0)] string Kind, [property: Id(1)] DateTimeOffset OpenedAt, [property: Id(2)] string Message);

[GenerateSerializer, Immutable]
public sealed record TemperatureView([property: Id(0)] DateTimeOffset At, [property: Id(1)] double C);

[GenerateSerializer, Immutable]
public sealed record TrackView([property: Id(0)] string ShipmentId, [property: Id(1)] TrackPointView[] Points);

[GenerateSerializer, Immutable]
public sealed record TrackPointView(
    [property: Id(0)] DateTimeOffset At, [property: Id(1)] double Lat, [property: Id(2)] double Lon,
    [property: Id(3)] double? SpeedKnots, [property: Id(4)] double? TemperatureC);

/// <summary>
/// The planned route as GeoJSON-style [lon, lat] pairs. When a closure re-routed the shipment, also the booked route
/// (<see cref="OriginalPath"/>, <see cref="OriginalDistanceKm"/>) and the chokepoints the new one avoids.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RouteView(
    [property: Id(0)] double DistanceKm,
    [property: Id(1)] double[][] Path,
    [property: Id(2)] string[] Passes,
    [property: Id(3)] bool Rerouted = false,
    [property: Id(4)] double? OriginalDistanceKm = null,
    [property: Id(5)] double[][]? OriginalPath = null,
    [property: Id(6)] string[]? Avoid = null)
{
    public static RouteView From(PlannedRoute route) =>
        new(Math.Round(route.DistanceKm, 1), PathOf(route), route.Passes.ToArray());

    public static double[][] PathOf(PlannedRoute route) =>
        route.Path.Select(p => new[] { Math.Round(p.Lon, 5), Math.Round(p.Lat, 5) }).ToArray();
}

/// <summary>
/// A shipment's dot on the live map: only what the map draws and filters on. <see cref="SupplierId"/> is not sent to
/// browsers; it lets the shipment list show a supplier user only its own shipments without a grain call each.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ShipmentMarker(
    [property: Id(0)] string Id,
    [property: Id(1)] float Lat,
    [property: Id(2)] float Lon,
    [property: Id(3)] float HeadingDeg,
    [property: Id(4)] TransportMode Mode,
    [property: Id(5)] ShipmentStatus Status,
    [property: Id(6)] AlertKind Flags,
    [property: Id(7)] float DelayHours,
    [property: Id(8)] string? SupplierId = null);
