using Visibility.Domain.Sourcing;

namespace Visibility.Domain.Tests.Sourcing;

public sealed class ConcentrationTests
{
    [Fact]
    public void One_source_is_ten_thousand_and_two_equal_sources_five_thousand()
    {
        Assert.Equal(10_000, Concentration.Hhi([42]), 6);
        Assert.Equal(5_000, Concentration.Hhi([7, 7]), 6);
        Assert.Equal(2_500, Concentration.Hhi([1, 1, 1, 1]), 6);
    }

    [Fact]
    public void Worked_example_sixty_thirty_ten()
    {
        // 60² + 30² + 10² = 3,600 + 900 + 100 = 4,600: highly concentrated.
        Assert.Equal(4_600, Concentration.Hhi([600, 300, 100]), 6);
        Assert.Equal("high", Concentration.Reading(4_600));
        // Moving half of the 60 % to a new country: 30² + 30² + 10² + 30² = 2,800.
        Assert.Equal(2_800, Concentration.Hhi([300, 300, 100, 300]), 6);
    }

    [Theory]
    [InlineData(1_499.9, "unconcentrated")]
    [InlineData(1_500, "moderate")]
    [InlineData(2_500, "moderate")]
    [InlineData(2_500.1, "high")]
    public void Readings_follow_the_merger_guideline_thresholds(double hhi, string reading) =>
        Assert.Equal(reading, Concentration.Reading(hhi));

    [Fact]
    public void Zero_and_negative_volumes_do_not_count_and_nothing_is_zero()
    {
        Assert.Equal(10_000, Concentration.Hhi([5, 0, -3]), 6);
        Assert.Equal(0, Concentration.Hhi([]));
    }
}
