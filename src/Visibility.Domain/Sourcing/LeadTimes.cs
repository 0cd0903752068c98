namespace Visibility.Domain.Sourcing;

/// <summary>
/// Sea lead time from a route's length: days at a typical container service speed plus the time in ports (origin
/// dwell, transshipment, destination clearance). Used to compare sourcing countries, not to promise dates.
/// </summary>
public static class LeadTimes
{
    /// <summary>16 knots, the slow-steaming speed of Asia–Americas services: 16 × 1.852 × 24 ≈ 711 km a day.</summary>
    public const double SeaKmPerDay = 16 * 1.852 * 24;
    /// <summary>Origin port dwell plus destination clearance and inland delivery.</summary>
    public const double PortDays = 7;
    /// <summary>Supplier in the factory's own country: trucked, no sea leg.</summary>
    public const double DomesticDays = 3;

    public static double SeaDays(double routeKm) => routeKm / SeaKmPerDay + PortDays;
}
