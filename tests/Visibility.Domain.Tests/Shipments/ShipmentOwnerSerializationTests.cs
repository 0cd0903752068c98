using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Visibility.Domain.Shipments;

namespace Visibility.Domain.Tests.Shipments;

/// <summary>
/// The shipper (<see cref="ShipmentDefinition.SupplierId"/>) came after the first release: shipments stored or sent
/// without it must still load, with no supplier.
/// </summary>
public class ShipmentOwnerSerializationTests
{
    private static readonly JsonSerializerOptions StorageJson = new(JsonSerializerDefaults.Web); // as the grain storage keeps state
    private static readonly Serializer Orleans = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static ShipmentDefinition Definition(string? supplierId) => new("SH-1", "PO-1", TransportMode.Ocean, "CNSHA", "USLAX",
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), null, [new CargoLine("P-1", 10, "F-1")], null, supplierId);

    [Fact]
    public void Stored_state_without_a_supplier_loads_with_none_and_one_with_it_keeps_it()
    {
        var state = new ShipmentState { Definition = Definition("SUP-A"), RouteDistanceKm = 10_000 };
        var json = JsonSerializer.Serialize(state, StorageJson);
        Assert.Equal("SUP-A", JsonSerializer.Deserialize<ShipmentState>(json, StorageJson)!.Definition!.SupplierId);

        var before = JsonNode.Parse(json)!;
        Assert.True(before["definition"]!.AsObject().Remove("supplierId"));
        var loaded = JsonSerializer.Deserialize<ShipmentState>(before.ToJsonString(), StorageJson)!;
        Assert.Null(loaded.Definition!.SupplierId);
        Assert.True(loaded.Definition.SameBookingAs(Definition(null)));
        Assert.Equal(10_000, loaded.RouteDistanceKm);
    }

    [Fact]
    public void The_supplier_crosses_grain_calls_and_a_message_from_before_it_reads_as_none()
    {
        Assert.Equal("SUP-A", Orleans.Deserialize<ShipmentDefinition>(Orleans.SerializeToArray(Definition("SUP-A"))).SupplierId);
        var marker = new ShipmentMarker("SH-1", 1, 2, 3, TransportMode.Ocean, ShipmentStatus.Planned, AlertKind.None, 0, "SUP-A");
        Assert.Equal(marker, Orleans.Deserialize<ShipmentMarker>(Orleans.SerializeToArray(marker)));

        var old = new DefinitionBeforeSupplier("SH-1", "PO-1", TransportMode.Ocean, "CNSHA", "USLAX",
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), null, [new CargoLine("P-1", 10, "F-1")], null);
        var read = Orleans.Deserialize<ShipmentDefinition>(Orleans.SerializeToArray(old));
        Assert.True(read.SameBookingAs(Definition(null)), read.ToString());
    }

    [Fact]
    public void A_different_shipper_is_a_different_booking() =>
        Assert.False(Definition("SUP-A").SameBookingAs(Definition("SUP-B")));
}

/// <summary><see cref="ShipmentDefinition"/> as it was before the supplier (same ids).</summary>
[GenerateSerializer, Immutable]
public sealed record DefinitionBeforeSupplier(
    [property: Id(0)] string Id,
    [property: Id(1)] string Reference,
    [property: Id(2)] TransportMode Mode,
    [property: Id(3)] string Origin,
    [property: Id(4)] string Destination,
    [property: Id(5)] DateTimeOffset PlannedDeparture,
    [property: Id(6)] DateTimeOffset? PlannedArrival,
    [property: Id(7)] CargoLine[] Cargo,
    [property: Id(8)] ReeferRange? Reefer);
