using RouteModes = Visibility.Domain.Routing.TransportModes;

namespace Visibility.Domain.Shipments;

public enum TransportMode { Ocean = 0, Air = 1, Truck = 2 }

/// <summary>The API names of the modes are the routing planner's; the enum is what shipments store.</summary>
public static class TransportModeNames
{
    public static string ToApi(this TransportMode mode) => mode switch
    {
        TransportMode.Ocean => RouteModes.Ocean,
        TransportMode.Air => RouteModes.Air,
        _ => RouteModes.Truck,
    };

    public static bool TryParse(string? value, out TransportMode mode)
    {
        switch (value)
        {
            case RouteModes.Ocean: mode = TransportMode.Ocean; return true;
            case RouteModes.Air: mode = TransportMode.Air; return true;
            case RouteModes.Truck: mode = TransportMode.Truck; return true;
            default: mode = default; return false;
        }
    }

    /// <summary>Speed used when a shipment has not told us its own: slow-steaming container ship, cargo jet, highway truck.</summary>
    public static double TypicalSpeedKmh(this TransportMode mode) => mode switch
    {
        TransportMode.Ocean => 16 * Geo.GeoMath.KmPerNauticalMile, // 16 knots
        TransportMode.Air => 800,
        _ => 60,
    };
}
