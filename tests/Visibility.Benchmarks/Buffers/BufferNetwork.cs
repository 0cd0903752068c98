using Visibility.Domain.Inventory;

namespace Visibility.Benchmarks.Buffers;

/// <summary>
/// The network the buffer wave runs on: 100 factories × 100 parts = 10,000 buffers, and 1,000 ocean shipments of 10
/// cargo lines each, so that every buffer is fed by exactly one shipment: shipment k feeds factory k / 10, parts
/// (k % 10) × 10 … + 9. Ids carry the run tag so repeated runs against one host do not collide.
/// </summary>
public sealed class BufferNetwork(string runTag)
{
    public const int Factories = 100;
    public const int PartsPerFactory = 100;
    public const int Buffers = Factories * PartsPerFactory;
    public const int LinesPerShipment = 10;
    public const int Shipments = Buffers / LinesPerShipment;
    public const string Origin = "CNSHA";
    public const string Destination = "MXZLO";
    /// <summary>Per cargo line; arrives before the 20 days of stock on hand run out, so the stock-out date depends on the ETA.</summary>
    public const long InboundQuantity = 10_000;

    /// <summary>Plants in the catalog's factory cities, cycled over the factories.</summary>
    private static readonly string[] Locodes = ["MXMTY", "MXGDL", "USAUS", "VNBDG", "THAYU", "MYPEN"];

    /// <summary>Every buffer gets the same parameters (PUT /api/factories/{id}/parts/{part}); ADU given, so no usage is needed.</summary>
    public static readonly BufferParameters Parameters = new(HsCode: "854231", Adu: 1000, DltDays: 30, LeadTimeFactor: 0.4,
        VariabilityFactor: 0.5, Moq: 5000, OrderCycleDays: 7, OnHand: 20000);

    public string RunTag => runTag;

    public string FactoryId(int f) => $"BF-{runTag}-{f:D3}";
    public static string FactoryLocode(int f) => Locodes[f % Locodes.Length];
    public static string PartNumber(int p) => $"BP-{p:D3}";
    public string ShipmentId(int k) => $"BS-{runTag}-{k:D4}";

    /// <summary>Buffer index 0 … 9,999 = factory × 100 + part.</summary>
    public static int BufferIndex(int factory, int part) => factory * PartsPerFactory + part;

    /// <summary>The shipment that feeds a buffer (the inverse of <see cref="FedBy"/>).</summary>
    public static int ShipmentOf(int buffer) => buffer / LinesPerShipment;

    /// <summary>Factory and first part of shipment k's cargo: factory k / 10, parts (k % 10) × 10 … + 9.</summary>
    public static (int Factory, int FirstPart) FedBy(int k) => (k / (PartsPerFactory / LinesPerShipment), k % (PartsPerFactory / LinesPerShipment) * LinesPerShipment);

    /// <summary>Parses "BF-{tag}-042" / "BP-017" back into a buffer index; false for rows that are not this run's.</summary>
    public bool TryBufferIndex(string factoryId, string partNumber, out int buffer)
    {
        buffer = -1;
        string prefix = $"BF-{runTag}-";
        if (!factoryId.StartsWith(prefix, StringComparison.Ordinal) || !partNumber.StartsWith("BP-", StringComparison.Ordinal)) return false;
        if (!int.TryParse(factoryId.AsSpan(prefix.Length), out int f) || !int.TryParse(partNumber.AsSpan(3), out int p)) return false;
        if (f is < 0 or >= Factories || p is < 0 or >= PartsPerFactory) return false;
        buffer = BufferIndex(f, p);
        return true;
    }
}
