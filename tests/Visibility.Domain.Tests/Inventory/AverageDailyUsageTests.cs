using Visibility.Domain.Inventory;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Tests.Inventory;

public class AverageDailyUsageTests
{
    private static readonly DateOnly Today = BufferExamples.Today;

    private static Dictionary<DateOnly, double> Daily(int days, Func<int, double> usageDaysAgo)
    {
        var usage = new Dictionary<DateOnly, double>();
        for (int ago = 0; ago < days; ago++) usage[Today.AddDays(-ago)] = usageDaysAgo(ago);
        return usage;
    }

    [Fact]
    public void Constant_usage_gives_that_usage() =>
        Assert.Equal(100, AverageDailyUsage.Compute(Daily(60, _ => 100), Today), 9);

    [Fact]
    public void A_spike_is_averaged_over_the_window()
    {
        // 27 days at 100 and one at 1000 in the 28-day window: 3700 / 28 = 132.142857…
        var usage = Daily(60, ago => ago == 5 ? 1000 : 100);
        Assert.Equal(3700.0 / 28, AverageDailyUsage.Compute(usage, Today), 9);
    }

    [Fact]
    public void A_spike_leaves_the_window_after_it_passes() =>
        Assert.Equal(100, AverageDailyUsage.Compute(Daily(60, ago => ago == 28 ? 1000 : 100), Today), 9);

    [Fact]
    public void Empty_history_is_zero() => Assert.Equal(0, AverageDailyUsage.Compute(new Dictionary<DateOnly, double>(), Today));

    [Fact]
    public void Days_without_records_count_as_zero_usage()
    {
        // 60 days of history, usage recorded every other day (200): the 28-day window holds 14 × 200 = 2800 → 100.
        var usage = Daily(60, _ => 200).Where(kv => kv.Key.DayNumber % 2 == 0).ToDictionary();
        Assert.Equal(100, AverageDailyUsage.Compute(usage, Today), 9);
    }

    [Fact]
    public void A_history_younger_than_the_window_divides_by_its_own_length()
    {
        Assert.Equal(100, AverageDailyUsage.Compute(Daily(3, _ => 100), Today), 9);     // 300 / 3 days
        Assert.Equal(50, AverageDailyUsage.Compute(Daily(1, _ => 50), Today), 9);       // first record today: 1 day
        var gap = new Dictionary<DateOnly, double> { [Today.AddDays(-9)] = 500 };       // one record 9 days ago: 500 / 10
        Assert.Equal(50, AverageDailyUsage.Compute(gap, Today), 9);
    }

    [Fact]
    public void A_record_older_than_the_window_makes_the_history_full_length()
    {
        var usage = new Dictionary<DateOnly, double> { [Today.AddDays(-100)] = 50, [Today] = 280 };
        Assert.Equal(10, AverageDailyUsage.Compute(usage, Today), 9); // 280 / 28
    }

    [Fact]
    public void The_window_is_configurable_and_future_records_are_ignored()
    {
        var usage = Daily(30, ago => ago < 7 ? 70 : 10);
        usage[Today.AddDays(1)] = 1_000_000;
        Assert.Equal(70, AverageDailyUsage.Compute(usage, Today, windowDays: 7), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => AverageDailyUsage.Compute(usage, Today, windowDays: 0));
    }
}

public class ConsumptionLogTests
{
    private static readonly DateOnly Today = BufferExamples.Today;

    [Fact]
    public void Add_accumulates_per_day_and_replace_is_idempotent()
    {
        var log = new ConsumptionLog();
        log.Add(Today, 40, Today);
        log.Add(Today, 60, Today);
        Assert.Equal(100, log.ByDay[Today]);
        log.Replace(Today, 80, Today);
        log.Replace(Today, 80, Today);
        Assert.Equal(80, log.ByDay[Today]);
        Assert.Equal(80, log.Adu(Today));
    }

    [Fact]
    public void Days_older_than_the_retention_are_dropped()
    {
        var log = new ConsumptionLog();
        for (int ago = 0; ago <= ConsumptionLog.RetentionDays; ago++) log.Add(Today.AddDays(-ago), 1, Today);
        Assert.Equal(ConsumptionLog.RetentionDays + 1, log.ByDay.Count);
        log.Add(Today.AddDays(10), 1, Today.AddDays(10)); // ten days on: the ten oldest go
        Assert.Equal(ConsumptionLog.RetentionDays - 8, log.ByDay.Count); // 356 kept (0..355 days before the old today) + the new day
        Assert.DoesNotContain(log.ByDay.Keys, d => d < Today.AddDays(10 - ConsumptionLog.RetentionDays));
    }

    [Theory]
    [InlineData(2, 10, "date")]     // the day after tomorrow
    [InlineData(-366, 10, "date")]  // beyond the retention
    [InlineData(0, -1, "quantity")]
    [InlineData(0, double.NaN, "quantity")]
    public void Invalid_entries_are_reported_and_refused(int daysFromToday, double quantity, string field)
    {
        var errors = new ValidationErrors();
        ConsumptionLog.Validate(Today.AddDays(daysFromToday), quantity, Today, errors);
        Assert.Equal([field], errors.ToDictionary().Keys);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumptionLog().Add(Today.AddDays(daysFromToday), quantity, Today));
    }

    [Fact]
    public void Tomorrow_and_zero_usage_are_accepted()
    {
        var errors = new ValidationErrors();
        ConsumptionLog.Validate(Today.AddDays(1), 0, Today, errors);
        Assert.True(errors.IsEmpty);
    }
}
