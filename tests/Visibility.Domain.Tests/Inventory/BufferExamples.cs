using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Inventory;

/// <summary>Shared worked examples (numbers checked by hand in the tests that use them).</summary>
internal static class BufferExamples
{
    public static readonly DateOnly Today = new(2026, 11, 2);
    public static readonly DateTimeOffset Noon = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>ADU 100, DLT 20, LTF 0.5, VF 0.5, MOQ 1000, OC 7, on hand 1200, open orders 800.</summary>
    public static BufferParameters Medium(double onHand = 1200, double openOrders = 800) =>
        new("854231", 100, DltDays: 20, LeadTimeFactor: 0.5, VariabilityFactor: 0.5, Moq: 1000, OrderCycleDays: 7, onHand, openOrders);

    public static InboundSupply Arrival(string id, double quantity, int daysFromToday) => new(id, quantity, Noon.AddDays(daysFromToday));
}
