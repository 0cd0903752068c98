using Visibility.Domain.Inventory;
using static Visibility.Domain.Tests.Inventory.BufferExamples;

namespace Visibility.Domain.Tests.Inventory;

public class BufferCalculatorTests
{
    private static BufferStatus Evaluate(BufferParameters p, InboundSupply[]? inbound = null, double qualifiedDemand = 0, int horizon = 90) =>
        BufferCalculator.Evaluate(p, p.Adu ?? 0, inbound ?? [], qualifiedDemand, Today, horizon);

    [Fact]
    public void Worked_example_in_the_yellow_zone()
    {
        // Zones as in BufferZonesTests: TOR 1500, TOY 3500, TOG 4500.
        // on order = 800 open + 1000 inbound = 1800; NFP = 1200 + 1800 − 0 = 3000 → 1500 < 3000 ≤ 3500: yellow;
        // order 4500 − 3000 = 1500; priority 3000 / 4500 = 66.67 %; on hand 1200 ≤ TOR: execution red; cover 1200/100 = 12 days.
        var s = Evaluate(Medium(), [Arrival("S1", 1000, 10)]);
        Assert.Equal(1800, s.OnOrder);
        Assert.Equal(3000, s.NetFlow);
        Assert.Equal(BufferZone.Yellow, s.Zone);
        Assert.Equal(1500, s.SuggestedOrderQty);
        Assert.True(s.OrderSuggested);
        Assert.Equal(66.667, s.PlanningPriorityPct, 3);
        Assert.Equal(ExecutionZone.Red, s.ExecutionZone);
        Assert.Equal(12, s.DaysOfCover);
        // Projection: 1200 − 100 d, +1000 from day 10: 2200 − 100 d ≤ 0 first at d = 22.
        Assert.Equal(Today.AddDays(22), s.ProjectedStockout);
        Assert.Equal(1200, s.ProjectedOnHand[0]);
        Assert.Equal(300, s.ProjectedOnHand[9]);
        Assert.Equal(1200, s.ProjectedOnHand[10]);
    }

    [Fact]
    public void A_late_shipment_moves_the_stockout_earlier()
    {
        // The same 1000 arriving on day 15 instead of 10: 1200 − 100 d reaches 0 on day 12, before the arrival.
        var onTime = Evaluate(Medium(), [Arrival("S1", 1000, 10)]);
        var late = Evaluate(Medium(), [Arrival("S1", 1000, 15)]);
        Assert.Equal(Today.AddDays(22), onTime.ProjectedStockout);
        Assert.Equal(Today.AddDays(12), late.ProjectedStockout);
        Assert.Equal(onTime.NetFlow, late.NetFlow); // the planning signal does not care when, only that it is on order
    }

    [Fact]
    public void Worked_example_in_the_green_zone()
    {
        // ADU 50, DLT 10, LTF 0.3, VF 0.2, MOQ 0, OC 14 → TOR 180, TOY 680, TOG 1380. NFP = 900 > 680: green, no order;
        // priority 900/1380 = 65.217 %; on hand 900 in (680, 1380]: execution green; cover 18 days → stock-out on day 18.
        var p = new BufferParameters("85423100", 50, 10, 0.3, 0.2, 0, 14, OnHand: 900);
        var s = Evaluate(p);
        Assert.Equal(BufferZone.Green, s.Zone);
        Assert.Equal(0, s.SuggestedOrderQty);
        Assert.False(s.OrderSuggested);
        Assert.Equal(65.217, s.PlanningPriorityPct, 3);
        Assert.Equal(ExecutionZone.Green, s.ExecutionZone);
        Assert.Equal(18, s.DaysOfCover);
        Assert.Equal(Today.AddDays(18), s.ProjectedStockout);
    }

    [Fact]
    public void Qualified_demand_can_drive_the_net_flow_negative()
    {
        // Same zones (TOR 180, TOY 680, TOG 1380); on hand 100, inbound 50, qualified demand 200:
        // NFP = 100 + 50 − 200 = −50: red; order 1380 + 50 = 1430; priority −50/1380 = −3.623 %.
        var p = new BufferParameters("85423100", 50, 10, 0.3, 0.2, 0, 14, OnHand: 100);
        var s = Evaluate(p, [Arrival("S1", 50, 3)], qualifiedDemand: 200);
        Assert.Equal(-50, s.NetFlow);
        Assert.Equal(BufferZone.Red, s.Zone);
        Assert.Equal(1430, s.SuggestedOrderQty);
        Assert.Equal(-3.623, s.PlanningPriorityPct, 3);
    }

    [Theory]
    [InlineData(1500, BufferZone.Red, 3000)]      // exactly on TOR: red (≤)
    [InlineData(1500.5, BufferZone.Yellow, 3000)] // just above TOR: 4500 − 1500.5 = 2999.5, rounded up
    [InlineData(3500, BufferZone.Yellow, 1000)]   // exactly on TOY: yellow, and an order is suggested (≤)
    [InlineData(3500.5, BufferZone.Green, 0)]
    public void A_position_on_a_zone_top_belongs_to_the_lower_zone(double netFlow, BufferZone zone, double order)
    {
        var s = Evaluate(Medium(onHand: netFlow, openOrders: 0));
        Assert.Equal(zone, s.Zone);
        Assert.Equal(order, s.SuggestedOrderQty);
    }

    [Fact]
    public void The_suggested_order_is_whole_units_and_never_below_the_minimum_order()
    {
        // ADU 10, DLT 5, LTF 0.5, VF 0.5, MOQ 1000, OC 7 → TOY 87.5, TOG 1087.5; NFP 80: 1007.5 → 1008 units ≥ MOQ.
        var p = new BufferParameters("854231", 10, 5, 0.5, 0.5, 1000, 7, OnHand: 80);
        Assert.Equal(1008, Evaluate(p).SuggestedOrderQty);
    }

    [Theory]
    [InlineData(0, ExecutionZone.Stockout)]
    [InlineData(1, ExecutionZone.Red)]
    [InlineData(1500, ExecutionZone.Red)]
    [InlineData(3500, ExecutionZone.Yellow)]
    [InlineData(4500, ExecutionZone.Green)]
    [InlineData(4501, ExecutionZone.Over)]
    public void Execution_zone_compares_on_hand_with_the_tops(double onHand, ExecutionZone expected) =>
        Assert.Equal(expected, Evaluate(Medium(onHand, openOrders: 0)).ExecutionZone);

    [Fact]
    public void An_overdue_arrival_counts_today_and_one_past_the_horizon_only_on_order()
    {
        var s = Evaluate(Medium(onHand: 100, openOrders: 0), [Arrival("late", 500, -3), Arrival("far", 700, 40)], horizon: 30);
        Assert.Equal(600, s.ProjectedOnHand[0]);
        Assert.Equal(31, s.ProjectedOnHand.Length);
        Assert.Equal(600 - 100 * 30, s.ProjectedOnHand[30]);
        Assert.Equal(1200, s.OnOrder);
        Assert.Equal(Today.AddDays(6), s.ProjectedStockout); // 600 − 100 d ≤ 0 at d = 6
    }

    [Fact]
    public void Open_orders_count_in_net_flow_but_not_in_the_projection()
    {
        var s = Evaluate(Medium(onHand: 500, openOrders: 5000));
        Assert.Equal(5500, s.NetFlow);
        Assert.Equal(Today.AddDays(5), s.ProjectedStockout);
    }

    [Fact]
    public void An_arrival_lands_on_the_UTC_date_of_its_ETA()
    {
        // 02:00 at +08:00 on 5 Nov is 18:00 UTC on 4 Nov: day 2.
        var eta = new DateTimeOffset(2026, 11, 5, 2, 0, 0, TimeSpan.FromHours(8));
        var s = Evaluate(Medium(onHand: 1000, openOrders: 0), [new InboundSupply("S1", 400, eta)]);
        Assert.Equal(1000 - 200 + 400, s.ProjectedOnHandOn(new DateOnly(2026, 11, 4)));
        Assert.Equal(1000 - 100, s.ProjectedOnHandOn(new DateOnly(2026, 11, 3)));
    }

    [Fact]
    public void Inbound_is_echoed_earliest_first_with_ties_by_shipment_id()
    {
        var s = Evaluate(Medium(), [Arrival("C", 1, 9), Arrival("B", 1, 2), Arrival("A", 1, 9)]);
        Assert.Equal(["B", "A", "C"], s.Inbound.Select(i => i.ShipmentId));
    }

    [Fact]
    public void No_usage_means_no_cover_figure_and_no_stockout_while_stock_lasts()
    {
        var p = new BufferParameters("854231", 0, 10, 0.5, 0.5, 0, 7, OnHand: 10);
        var s = Evaluate(p);
        Assert.Null(s.DaysOfCover);
        Assert.Null(s.ProjectedStockout);
        Assert.Equal(100, s.PlanningPriorityPct); // TOG = 0: nothing to keep, ranks as full
        Assert.Equal(ExecutionZone.Over, s.ExecutionZone);
    }

    [Fact]
    public void Empty_stock_is_a_stockout_today()
    {
        var s = Evaluate(Medium(onHand: 0, openOrders: 0));
        Assert.Equal(Today, s.ProjectedStockout);
        Assert.Equal(ExecutionZone.Stockout, s.ExecutionZone);
        Assert.Equal(0, s.DaysOfCover);
    }

    [Fact]
    public void Stock_that_outlasts_the_horizon_has_no_stockout_date()
    {
        var s = Evaluate(Medium(onHand: 9001, openOrders: 0)); // lasts 90.01 days; the horizon ends on day 90
        Assert.Null(s.ProjectedStockout);
        Assert.Equal(Today.AddDays(90), s.ProjectionStart.AddDays(s.ProjectedOnHand.Length - 1));
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferCalculator.Evaluate(Medium(), double.NaN, [], 0, Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferCalculator.Evaluate(Medium(), 100, [], -1, Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferCalculator.Evaluate(Medium(), 100, [], 0, Today, horizonDays: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferCalculator.Evaluate(Medium(), 100, [Arrival("S", -5, 1)], 0, Today));
    }

    [Fact]
    public void Zone_names_are_the_api_words()
    {
        Assert.Equal(["red", "yellow", "green"], Enum.GetValues<BufferZone>().Select(z => z.ToApi()));
        Assert.Equal(["stockout", "red", "yellow", "green", "over"], Enum.GetValues<ExecutionZone>().Select(z => z.ToApi()));
    }
}
