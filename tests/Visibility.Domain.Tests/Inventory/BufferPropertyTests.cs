using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Inventory;

/// <summary>
/// Properties checked over thousands of random buffers from a fixed seed (reproducible; no property-testing package).
/// The generator covers the edges on purpose: zero usage, zero MOQ, overdue and beyond-horizon arrivals, heavy demand.
/// </summary>
public class BufferPropertyTests
{
    private const int Cases = 5000;
    private static readonly DateOnly Today = BufferExamples.Today;

    private sealed record Case(BufferParameters P, double Adu, InboundSupply[] Inbound, double QualifiedDemand);

    private static IEnumerable<Case> RandomCases(int seed)
    {
        var rng = new Random(seed);
        double Between(double min, double max) => min + rng.NextDouble() * (max - min);
        for (int i = 0; i < Cases; i++)
        {
            double adu = rng.Next(20) == 0 ? 0 : Between(0, 1000);
            var p = new BufferParameters("854231", adu,
                DltDays: Between(0.5, 365), LeadTimeFactor: Between(0.01, 1), VariabilityFactor: Between(0, 1),
                Moq: rng.Next(3) == 0 ? 0 : Between(0, 20_000), OrderCycleDays: Between(0, 365),
                OnHand: rng.Next(20) == 0 ? 0 : Between(0, 100_000), OpenOrders: rng.Next(2) == 0 ? 0 : Between(0, 50_000));
            var inbound = new InboundSupply[rng.Next(6)];
            for (int k = 0; k < inbound.Length; k++)
                inbound[k] = new InboundSupply($"S{k}", Between(0, 30_000), BufferExamples.Noon.AddDays(rng.Next(-5, 120)).AddHours(Between(-12, 12)));
            yield return new Case(p, adu, inbound, rng.Next(3) == 0 ? 0 : Between(0, 60_000));
        }
    }

    private static BufferStatus Evaluate(Case c) => BufferCalculator.Evaluate(c.P, c.Adu, c.Inbound, c.QualifiedDemand, Today);

    [Fact]
    public void Zones_are_never_negative_and_their_tops_are_ordered()
    {
        foreach (var c in RandomCases(1))
        {
            var z = BufferZones.Compute(c.Adu, c.P);
            Assert.All([z.RedBase, z.RedSafety, z.Red, z.Yellow, z.Green], v => Assert.True(v >= 0));
            Assert.True(z.TopOfRed <= z.TopOfYellow && z.TopOfYellow <= z.TopOfGreen, $"{z}");
            Assert.True(z.Green >= c.P.Moq);
            Assert.Equal(z.RedBase + z.RedSafety, z.Red);
        }
    }

    [Fact]
    public void An_order_is_suggested_exactly_when_the_net_flow_is_at_or_below_top_of_yellow_and_it_refills_to_top_of_green()
    {
        int suggested = 0;
        foreach (var c in RandomCases(2))
        {
            var s = Evaluate(c);
            Assert.Equal(c.P.OnHand + c.P.OpenOrders + c.Inbound.Sum(i => i.Quantity) - c.QualifiedDemand, s.NetFlow, 6);
            bool atOrBelowYellow = s.NetFlow <= s.Zones.TopOfYellow;
            Assert.Equal(atOrBelowYellow, s.Zone != BufferZone.Green);
            if (s.Zones.Green > 0) Assert.Equal(atOrBelowYellow, s.OrderSuggested);
            if (!atOrBelowYellow) { Assert.Equal(0, s.SuggestedOrderQty); continue; }
            suggested++;
            double refilled = s.NetFlow + s.SuggestedOrderQty;
            Assert.InRange(refilled, s.Zones.TopOfGreen - 1e-6, s.Zones.TopOfGreen + 1);
            Assert.Equal(Math.Floor(s.SuggestedOrderQty), s.SuggestedOrderQty);
            Assert.True(s.SuggestedOrderQty >= c.P.Moq - 1e-6, "an order refilling from TOY or below covers at least the green zone ≥ MOQ");
        }
        Assert.InRange(suggested, Cases / 10, Cases * 9 / 10); // the generator exercises both branches
    }

    [Fact]
    public void Less_net_flow_never_means_a_better_priority_or_a_greener_zone()
    {
        foreach (var c in RandomCases(3))
        {
            var more = Evaluate(c);
            var less = Evaluate(c with { QualifiedDemand = c.QualifiedDemand + 1 + c.Adu * 3 });
            Assert.True(less.NetFlow < more.NetFlow);
            Assert.True(less.PlanningPriorityPct <= more.PlanningPriorityPct);
            Assert.True(less.Zone <= more.Zone);
            Assert.True(less.SuggestedOrderQty >= more.SuggestedOrderQty);
        }
    }

    [Fact]
    public void The_projection_starts_at_on_hand_plus_what_is_due_by_today()
    {
        foreach (var c in RandomCases(4))
        {
            var s = Evaluate(c);
            double dueByToday = c.Inbound.Where(i => i.EtaDate <= Today).Sum(i => i.Quantity);
            Assert.Equal(c.P.OnHand + dueByToday, s.ProjectedOnHand[0], 6);
            Assert.Equal(BufferCalculator.DefaultHorizonDays + 1, s.ProjectedOnHand.Length);
            Assert.True(s.Inbound.Zip(s.Inbound.Skip(1)).All(pair => pair.First.Eta <= pair.Second.Eta));
        }
    }

    [Fact]
    public void Delaying_an_arrival_never_moves_the_stockout_later()
    {
        var rng = new Random(5);
        int moved = 0;
        foreach (var c in RandomCases(5))
        {
            if (c.Inbound.Length == 0) continue;
            var delayed = (InboundSupply[])c.Inbound.Clone();
            int k = rng.Next(delayed.Length);
            delayed[k] = delayed[k] with { Eta = delayed[k].Eta.AddDays(rng.Next(1, 60)) };
            var before = Evaluate(c);
            var after = Evaluate(c with { Inbound = delayed });
            for (int d = 0; d < before.ProjectedOnHand.Length; d++)
                Assert.True(after.ProjectedOnHand[d] <= before.ProjectedOnHand[d] + 1e-6);
            var beforeDay = before.ProjectedStockout ?? DateOnly.MaxValue;
            var afterDay = after.ProjectedStockout ?? DateOnly.MaxValue;
            Assert.True(afterDay <= beforeDay, $"delay moved stock-out from {before.ProjectedStockout} to {after.ProjectedStockout}");
            if (afterDay < beforeDay) moved++;
        }
        Assert.True(moved > 0, "some delays must actually bring the stock-out forward");
    }

    [Fact]
    public void Without_arrivals_the_stockout_falls_on_the_day_cover_runs_out()
    {
        // Whole-number stock and usage keep the arithmetic exact, so ⌈cover⌉ is the day the curve reaches 0.
        var rng = new Random(6);
        for (int i = 0; i < Cases; i++)
        {
            double onHand = rng.Next(0, 50_000), adu = rng.Next(1, 2_000);
            var p = BufferExamples.Medium(onHand, 0) with { Adu = adu };
            var s = BufferCalculator.Evaluate(p, adu, [], 0, Today);
            int coverDays = (int)Math.Ceiling(s.DaysOfCover!.Value);
            Assert.Equal(coverDays <= BufferCalculator.DefaultHorizonDays ? Today.AddDays(coverDays) : null, s.ProjectedStockout);
        }
    }

    [Fact]
    public void Average_daily_usage_is_bounded_by_the_daily_extremes_and_scales_with_usage()
    {
        var rng = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            var usage = new Dictionary<DateOnly, double>();
            int historyDays = rng.Next(1, 80);
            for (int ago = 0; ago < historyDays; ago++) usage[Today.AddDays(-ago)] = rng.Next(0, 500);
            int window = rng.Next(1, 60);
            double adu = AverageDailyUsage.Compute(usage, Today, window);
            var inWindow = usage.Where(kv => kv.Key > Today.AddDays(-window)).Select(kv => kv.Value).ToArray();
            Assert.InRange(adu, inWindow.Min() - 1e-9, inWindow.Max() + 1e-9); // every day of the divisor has a record here
            var tripled = usage.ToDictionary(kv => kv.Key, kv => kv.Value * 3);
            Assert.Equal(adu * 3, AverageDailyUsage.Compute(tripled, Today, window), 6);
        }
    }
}
