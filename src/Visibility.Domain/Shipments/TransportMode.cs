namespace Visibility.Domain.Shipments;

public enum TransportMode { Ocean = 0, Air = 1, Truck = 2 }

public static class TransportModes
{
    public static string ToApi(this TransportMode mode) => mode switch
    {
        TransportMode.Ocean => "ocean",
        TransportMode.Air => "air",
        _ => "truck",
    };

    public static bool TryParse(string? value, out TransportMode mode)
    {
        switch (value)
        {
            case "ocean": mode = TransportMode.Ocean; return true;
            case "air": mode = TransportMode.Air; return true;
            case "truck": mode = TransportMode.Truck; return true;
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
