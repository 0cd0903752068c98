using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Inventory;

public sealed class QualifiedDemandTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static DemandOrder Order(string id, double qty, int dueInDays) => new(id, "IC", qty, Today.AddDays(dueInDays));

    [Fact]
    public void Past_due_and_due_today_always_count_future_orders_only_when_they_are_spikes_within_the_horizon()
    {
        // Red zone 15,000 → spike threshold 7,500; DLT 20 days → horizon up to 20 Dec.
        var orders = new[]
        {
            Order("past-due", 1_000, -3),
            Order("today", 2_000, 0),
            Order("small-tomorrow", 3_000, 1),     // below the threshold: ADU already covers it
            Order("spike", 8_000, 10),             // at or above 7,500 within 20 days: qualified
            Order("spike-at-threshold", 7_500, 20),
            Order("spike-too-late", 9_000, 21),    // beyond the horizon
        };
        double q = QualifiedDemand.Compute(orders, Today, 0.5 * 15_000, 20, out int spikes);
        Assert.Equal(1_000 + 2_000 + 8_000 + 7_500, q);
        Assert.Equal(2, spikes);
        Assert.Equal(q, QualifiedDemand.Compute(orders, Today, redZone: 15_000, dltDays: 19.2));
    }

    [Fact]
    public void No_orders_no_demand_and_a_zero_red_zone_makes_no_spikes()
    {
        Assert.Equal(0, QualifiedDemand.Compute([], Today, 15_000, 20));
        Assert.Equal(500, QualifiedDemand.Compute([Order("a", 500, 0), Order("b", 1, 5)], Today, redZone: 0, dltDays: 20));
    }

    [Fact]
    public void Qualified_demand_lowers_net_flow_and_can_trigger_an_order()
    {
        var p = new BufferParameters("854231", 1000, 20, 0.5, 0.5, 1000, 7, 36_000);
        var without = BufferCalculator.Evaluate(p, 1000, [], 0, Today);
        Assert.Equal(0, without.SuggestedOrderQty); // NFP 36,000 > TOY 35,000
        var with = BufferCalculator.Evaluate(p, 1000, [], QualifiedDemand.Compute([Order("spike", 8_000, 5)], Today, without.Zones.Red, 20), Today);
        Assert.Equal(28_000, with.NetFlow);
        Assert.Equal(45_000 - 28_000, with.SuggestedOrderQty);
    }
}
