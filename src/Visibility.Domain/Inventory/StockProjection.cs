namespace Visibility.Domain.Inventory;

/// <summary>
/// Projected on hand day by day: value(d) = on hand − ADU × d + every arrival dated on or before today + d.
/// Day 0 is today. An arrival whose ETA is already past but which has not been delivered counts as arriving today
/// (it is late, not lost), as does one due today: so day 0 is on hand plus what is due by today.
/// Arrivals after the horizon do not appear. Open orders do not appear either: they have no date, and spreading them
/// over an assumed lead time would invent one.
/// The stock-out day is the first day whose value is ≤ 0, the same rule as the execution zone's "stockout": with no
/// arrivals it falls on day ⌈on hand / ADU⌉, so it agrees with days of cover.
/// </summary>
public static class StockProjection
{
    /// <summary>
    /// Fills <paramref name="days"/> (length = horizon + 1) and returns the first stock-out day index, or -1 if none.
    /// <paramref name="inbound"/> may be in any order. No allocation.
    /// </summary>
    public static int Fill(Span<double> days, double onHand, double adu, ReadOnlySpan<InboundSupply> inbound, DateOnly today)
    {
        days.Clear();
        int last = days.Length - 1;
        foreach (var arrival in inbound)
        {
            int d = Math.Max(0, arrival.EtaDate.DayNumber - today.DayNumber);
            if (d <= last) days[d] += arrival.Quantity; // first pass: arrivals per day
        }
        int stockout = -1;
        double arrived = 0;
        for (int d = 0; d <= last; d++)
        {
            arrived += days[d];
            double value = onHand - adu * d + arrived;
            days[d] = value;
            if (stockout < 0 && value <= 0) stockout = d;
        }
        return stockout;
    }
}
