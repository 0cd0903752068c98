namespace Visibility.Domain.Shipments;

public enum ShipmentStatus { Planned = 0, InTransit = 1, Arrived = 2, Delivered = 3 }

public static class ShipmentStatuses
{
    public static string ToApi(this ShipmentStatus status) => status switch
    {
        ShipmentStatus.Planned => "planned",
        ShipmentStatus.InTransit => "in-transit",
        ShipmentStatus.Arrived => "arrived",
        _ => "delivered",
    };

    public static bool TryParse(string? value, out ShipmentStatus status)
    {
        switch (value)
        {
            case "planned": status = ShipmentStatus.Planned; return true;
            case "in-transit": status = ShipmentStatus.InTransit; return true;
            case "arrived": status = ShipmentStatus.Arrived; return true;
            case "delivered": status = ShipmentStatus.Delivered; return true;
            default: status = default; return false;
        }
    }
}
