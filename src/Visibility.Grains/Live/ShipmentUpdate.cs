using Visibility.Domain.Shipments;

namespace Visibility.Grains.Live;

/// <summary>What the live map needs to hear from a shipment after a change: its new marker and any alerts that opened or cleared.</summary>
[GenerateSerializer, Immutable]
/// <remarks>
/// <see cref="PublishedAt"/> orders updates of one shipment: notifiers are stateless workers (several per silo) and
/// may deliver batches out of order; the map keeps the newest.
/// </remarks>
public sealed record ShipmentUpdate([property: Id(0)] ShipmentMarker Marker, [property: Id(1)] AlertChange[] AlertChanges, [property: Id(2)] DateTimeOffset PublishedAt);

/// <summary>A batch of updates sent once per flush from a notifier to each silo's observer: map markers, board rows, suppliers and disruptions.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveUpdateBatch(
    [property: Id(0)] ShipmentUpdate[] Updates,
    [property: Id(1)] Visibility.Domain.Inventory.BufferView[] Buffers,
    [property: Id(2)] Visibility.Domain.Suppliers.SupplierView[] Suppliers,
    [property: Id(3)] Visibility.Domain.Disruptions.DisruptionView[] Disruptions);
