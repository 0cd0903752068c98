namespace Visibility.Domain.Inventory;

/// <summary>A customer (or internal) order for a part, due on a day; open until it is shipped or cancelled.</summary>
[GenerateSerializer, Immutable]
public sealed record DemandOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PartNumber,
    [property: Id(2)] double Quantity,
    [property: Id(3)] DateOnly DueDate);

/// <summary>
/// DDMRP qualified demand (Ptak &amp; Smith): every open order past due or due today, plus the future orders that are
/// spikes, i.e. at or above the order-spike threshold and due within the spike horizon. The usual settings are a
/// threshold of half the red zone and a horizon of one decoupled lead time; ordinary future orders are already
/// represented by ADU and would be counted twice.
/// </summary>
public static class QualifiedDemand
{
    public const double SpikeThresholdShareOfRed = 0.5;

    public static double Compute(IEnumerable<DemandOrder> orders, DateOnly today, double redZone, double dltDays) =>
        Compute(orders, today, SpikeThresholdShareOfRed * redZone, (int)Math.Ceiling(dltDays), out _);

    /// <param name="spikes">How many future orders qualified as spikes.</param>
    public static double Compute(IEnumerable<DemandOrder> orders, DateOnly today, double spikeThreshold, int spikeHorizonDays, out int spikes)
    {
        double total = 0;
        spikes = 0;
        var horizonEnd = today.AddDays(Math.Max(0, spikeHorizonDays));
        foreach (var o in orders)
        {
            if (o.DueDate <= today) total += o.Quantity;
            else if (o.DueDate <= horizonEnd && o.Quantity >= spikeThreshold && spikeThreshold > 0)
            {
                total += o.Quantity;
                spikes++;
            }
        }
        return total;
    }
}
