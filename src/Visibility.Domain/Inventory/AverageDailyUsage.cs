namespace Visibility.Domain.Inventory;

/// <summary>
/// ADU from recorded usage: the total over a rolling window of whole calendar days ending with (and including) today,
/// divided by the window's length. Days without a record count as zero usage: a quiet day is real information.
/// Today is included so that usage posted today shows at once; the cost is a slight under-estimate while today's
/// usage is still being posted (at most one day in the window, 1/28 with the default).
/// A history younger than the window is divided by the days since its first record (inclusive, so at least 1)
/// instead: a part first used three days ago at 100 a day has an ADU of 100, not 300/28 ≈ 11, which would size its
/// buffer for a tenth of the real demand. Records dated after today are ignored until their day comes.
/// </summary>
public static class AverageDailyUsage
{
    public const int DefaultWindowDays = 28;
    public const int MaxWindowDays = 365;

    public static double Compute(IReadOnlyDictionary<DateOnly, double> usageByDay, DateOnly today, int windowDays = DefaultWindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowDays, MaxWindowDays);
        int todayNumber = today.DayNumber;
        int windowStart = todayNumber - windowDays + 1;
        int firstRecord = int.MaxValue;
        double total = 0;
        foreach (var (day, quantity) in usageByDay)
        {
            int n = day.DayNumber;
            if (n > todayNumber) continue;
            if (n < firstRecord) firstRecord = n;
            if (n >= windowStart) total += quantity;
        }
        if (firstRecord == int.MaxValue) return 0;
        int days = Math.Min(windowDays, todayNumber - firstRecord + 1);
        return total / days;
    }
}
