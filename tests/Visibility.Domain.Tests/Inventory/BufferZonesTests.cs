using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Inventory;

public class BufferZonesTests
{
    [Fact]
    public void Worked_example_with_green_set_by_the_red_base()
    {
        // ADU 100, DLT 20, LTF 0.5, VF 0.5, MOQ 1000, OC 7:
        // yellow = 100×20 = 2000; red base = 2000×0.5 = 1000; red safety = 1000×0.5 = 500; red = 1500;
        // green = max(1000, 100×7 = 700, 1000) = 1000; TOR 1500, TOY 1500+2000 = 3500, TOG 3500+1000 = 4500.
        var z = BufferZones.Compute(100, BufferExamples.Medium());
        Assert.Equal(new BufferZones(RedBase: 1000, RedSafety: 500, Red: 1500, Yellow: 2000, Green: 1000,
            TopOfRed: 1500, TopOfYellow: 3500, TopOfGreen: 4500), z);
    }

    [Fact]
    public void Worked_example_with_green_set_by_the_order_cycle()
    {
        // ADU 50, DLT 10, LTF 0.3, VF 0.2, MOQ 0, OC 14:
        // yellow 500; red base 150; red safety 30; red 180; green = max(0, 700, 150) = 700; TOR 180, TOY 680, TOG 1380.
        var z = BufferZones.Compute(50, dltDays: 10, leadTimeFactor: 0.3, variabilityFactor: 0.2, moq: 0, orderCycleDays: 14);
        Assert.Equal(500, z.Yellow, 9);
        Assert.Equal(150, z.RedBase, 9);
        Assert.Equal(30, z.RedSafety, 9);
        Assert.Equal(180, z.TopOfRed, 9);
        Assert.Equal(700, z.Green, 9);
        Assert.Equal(680, z.TopOfYellow, 9);
        Assert.Equal(1380, z.TopOfGreen, 9);
    }

    [Fact]
    public void Worked_example_with_green_set_by_the_minimum_order()
    {
        // ADU 10, DLT 5, LTF 0.5, VF 0.5, MOQ 1000, OC 7: yellow 50; red base 25; red 37.5; green = max(1000, 70, 25) = 1000.
        var z = BufferZones.Compute(10, dltDays: 5, leadTimeFactor: 0.5, variabilityFactor: 0.5, moq: 1000, orderCycleDays: 7);
        Assert.Equal(37.5, z.Red);
        Assert.Equal(1000, z.Green);
        Assert.Equal(1087.5, z.TopOfGreen);
    }

    [Fact]
    public void With_no_usage_only_the_minimum_order_remains()
    {
        var z = BufferZones.Compute(0, dltDays: 30, leadTimeFactor: 0.5, variabilityFactor: 1, moq: 250, orderCycleDays: 7);
        Assert.Equal(0, z.TopOfYellow);
        Assert.Equal(250, z.TopOfGreen);
    }
}
