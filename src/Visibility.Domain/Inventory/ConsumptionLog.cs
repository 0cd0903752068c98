using Visibility.Domain.Validation;

namespace Visibility.Domain.Inventory;

/// <summary>
/// Recorded usage of one part at one factory, aggregated per calendar day (POST /api/factories/{id}/consumption).
/// Bounded: days older than <see cref="RetentionDays"/> before today are dropped on every change, so the log holds at
/// most 367 entries (a year, today and tomorrow) whatever a client sends.
/// </summary>
[GenerateSerializer]
public sealed class ConsumptionLog
{
    /// <summary>Longer than any ADU window (<see cref="AverageDailyUsage.MaxWindowDays"/>).</summary>
    public const int RetentionDays = 365;

    /// <summary>Usage per day. Exposed for the grain's state serializer; change it through Add/Replace.</summary>
    [Id(0)] public Dictionary<DateOnly, double> ByDay { get; set; } = [];

    /// <summary>
    /// A day within the retention period and at most tomorrow (a factory east of UTC is already in tomorrow's UTC date
    /// when its morning shift reports), and a finite quantity from 0 to <see cref="BufferParameters.MaxQuantity"/>.
    /// Zero is allowed: "we used nothing that day" also starts the history that ADU divides by.
    /// </summary>
    public static void Validate(DateOnly day, double quantity, DateOnly today, ValidationErrors errors, string path = "")
    {
        if (day.DayNumber < today.DayNumber - RetentionDays) errors.Add(path + "date", $"must be within the last {RetentionDays} days");
        else if (day.DayNumber > today.DayNumber + 1) errors.Add(path + "date", "must not be in the future");
        if (!double.IsFinite(quantity) || quantity < 0 || quantity > BufferParameters.MaxQuantity)
            errors.Add(path + "quantity", "must be a number from 0 to 1,000,000,000");
    }

    /// <summary>Adds usage to the day's total (several postings per day, e.g. one per shift, accumulate).</summary>
    public void Add(DateOnly day, double quantity, DateOnly today)
    {
        ThrowIfInvalid(day, quantity, today);
        ByDay[day] = ByDay.GetValueOrDefault(day) + quantity;
        Trim(today);
    }

    /// <summary>Sets the day's total, replacing what was there: a client that re-sends a day's figure is idempotent.</summary>
    public void Replace(DateOnly day, double quantity, DateOnly today)
    {
        ThrowIfInvalid(day, quantity, today);
        ByDay[day] = quantity;
        Trim(today);
    }

    public double Adu(DateOnly today, int windowDays = AverageDailyUsage.DefaultWindowDays) =>
        AverageDailyUsage.Compute(ByDay, today, windowDays);

    private void Trim(DateOnly today)
    {
        int oldestKept = today.DayNumber - RetentionDays;
        foreach (var day in ByDay.Keys)
            if (day.DayNumber < oldestKept) ByDay.Remove(day); // removing while enumerating is allowed for Dictionary since .NET Core 3.0
    }

    private static void ThrowIfInvalid(DateOnly day, double quantity, DateOnly today)
    {
        var errors = new ValidationErrors();
        Validate(day, quantity, today, errors);
        if (!errors.IsEmpty)
            throw new ArgumentOutOfRangeException(nameof(quantity), string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
    }
}
