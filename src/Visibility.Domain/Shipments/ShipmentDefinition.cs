namespace Visibility.Domain.Shipments;

/// <summary>What a shipper declares when it books a shipment; immutable once created.</summary>
/// <param name="SupplierId">
/// The supplier that ships it (its users may read it and post its milestones), or null when no supplier is named.
/// Added after the first release: states stored before it load with null (a new member at the end, both for Orleans
/// and for the JSON the grain storage keeps).
/// </param>
[GenerateSerializer, Immutable]
public sealed record ShipmentDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Reference,
    [property: Id(2)] TransportMode Mode,
    [property: Id(3)] string Origin,
    [property: Id(4)] string Destination,
    [property: Id(5)] DateTimeOffset PlannedDeparture,
    [property: Id(6)] DateTimeOffset? PlannedArrival,
    [property: Id(7)] CargoLine[] Cargo,
    [property: Id(8)] ReeferRange? Reefer,
    [property: Id(9)] string? SupplierId = null)
{
    /// <summary>Same booking, field by field (arrays compared by content): a repeated create is idempotent.</summary>
    public bool SameBookingAs(ShipmentDefinition other) =>
        Id == other.Id && Reference == other.Reference && Mode == other.Mode && Origin == other.Origin &&
        Destination == other.Destination && PlannedDeparture == other.PlannedDeparture &&
        PlannedArrival == other.PlannedArrival && Reefer == other.Reefer && SupplierId == other.SupplierId &&
        Cargo.SequenceEqual(other.Cargo);
}

[GenerateSerializer, Immutable]
public sealed record CargoLine([property: Id(0)] string PartNumber, [property: Id(1)] long Quantity, [property: Id(2)] string? FactoryId);

[GenerateSerializer, Immutable]
public sealed record ReeferRange([property: Id(0)] double MinC, [property: Id(1)] double MaxC);
