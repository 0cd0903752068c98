using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Visibility.Domain.Inventory;
using static Visibility.Domain.Tests.Inventory.BufferExamples;

namespace Visibility.Domain.Tests.Inventory;

/// <summary>The inventory records cross grain boundaries and live in grain state: they must survive Orleans' serializer.</summary>
public class InventorySerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value));

    [Fact]
    public void A_buffer_status_round_trips_field_by_field()
    {
        var status = BufferCalculator.Evaluate(Medium(), 100, [Arrival("S2", 300, 20), Arrival("S1", 1000, 10)], 50, Today);
        var copy = RoundTrip(status);
        Assert.Equal(status.Zones, copy.Zones);
        Assert.Equal(status.ProjectedOnHand, copy.ProjectedOnHand);
        Assert.Equal(status.Inbound, copy.Inbound);
        Assert.Equal(status.ProjectedStockout, copy.ProjectedStockout);
        Assert.Equal(status with { ProjectedOnHand = copy.ProjectedOnHand, Inbound = copy.Inbound }, copy);
    }

    [Fact]
    public void Parameters_and_the_consumption_log_round_trip()
    {
        var p = Medium() with { Adu = null };
        Assert.Equal(p, RoundTrip(p));
        var log = new ConsumptionLog();
        log.Add(Today, 120, Today);
        log.Add(Today.AddDays(-3), 80, Today);
        Assert.Equal(log.ByDay, RoundTrip(log).ByDay);
    }
}
