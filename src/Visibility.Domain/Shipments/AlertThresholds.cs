namespace Visibility.Domain.Shipments;

/// <summary>
/// When an exception opens. Defaults follow common visibility-platform practice: a day late for ocean, a few hours
/// for air and truck; cold chain must be out of range for a sustained period so one noisy probe does not page anyone.
/// </summary>
public sealed record AlertThresholds
{
    public TimeSpan ColdChainSustained { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan ColdChainClearAfter { get; init; } = TimeSpan.FromMinutes(10);
    public double OffRouteKmOcean { get; init; } = 150;
    public double OffRouteKmAir { get; init; } = 250;
    public double OffRouteKmTruck { get; init; } = 30;
    public TimeSpan OffRouteSustained { get; init; } = TimeSpan.FromMinutes(20);
    public double StalledBelowKnots { get; init; } = 1.0;
    public TimeSpan StalledSustained { get; init; } = TimeSpan.FromHours(2);
    /// <summary>A ship this close to its origin or destination is at anchor or berth, not stalled at sea.</summary>
    public double StalledPortRadiusKm { get; init; } = 50;
    public TimeSpan SilentAfter { get; init; } = TimeSpan.FromMinutes(30);
    public double LateHoursOcean { get; init; } = 24;
    public double LateHoursAir { get; init; } = 6;
    public double LateHoursTruck { get; init; } = 6;
    /// <summary>Within this distance of the destination the shipment counts as arrived.</summary>
    public double ArrivalRadiusKm { get; init; } = 20;

    public static AlertThresholds Default { get; } = new();

    public double OffRouteKm(TransportMode mode) => mode switch
    {
        TransportMode.Ocean => OffRouteKmOcean,
        TransportMode.Air => OffRouteKmAir,
        _ => OffRouteKmTruck,
    };

    public double LateHours(TransportMode mode) => mode switch
    {
        TransportMode.Ocean => LateHoursOcean,
        TransportMode.Air => LateHoursAir,
        _ => LateHoursTruck,
    };
}
