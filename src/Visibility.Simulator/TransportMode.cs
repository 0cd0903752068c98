namespace Visibility.Simulator;

public enum TransportMode { Ocean, Air, Truck }

public static class TransportModes
{
    /// <summary>The contract's spelling: "ocean" | "air" | "truck".</summary>
    public static string ToWire(this TransportMode mode) => mode switch
    {
        TransportMode.Ocean => "ocean",
        TransportMode.Air => "air",
        TransportMode.Truck => "truck",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static TransportMode FromWire(string? mode) => mode?.ToLowerInvariant() switch
    {
        "ocean" => TransportMode.Ocean,
        "air" => TransportMode.Air,
        "truck" => TransportMode.Truck,
        _ => throw new FormatException($"unknown transport mode '{mode}'"),
    };
}
