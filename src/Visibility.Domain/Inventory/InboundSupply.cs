namespace Visibility.Domain.Inventory;

/// <summary>
/// Part quantity on a shipment bound for the factory and not yet delivered; it arrives on the UTC date of its current
/// <see cref="Eta"/> (so a late shipment moves its arrival in the projection).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InboundSupply([property: Id(0)] string ShipmentId, [property: Id(1)] double Quantity, [property: Id(2)] DateTimeOffset Eta)
{
    public DateOnly EtaDate => DateOnly.FromDateTime(Eta.UtcDateTime);
}
