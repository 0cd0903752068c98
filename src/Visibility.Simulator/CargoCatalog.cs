namespace Visibility.Simulator;

/// <summary>A temperature band a reefer load must stay in (the contract's "reefer").</summary>
public sealed record ReeferRange(double MinC, double MaxC)
{
    public double SetpointC => (MinC + MaxC) / 2;
}

/// <summary>An electronics part the story ships, with its HS 2022 subheading (6 digits, dotted as in tariffs).</summary>
/// <param name="Reefer">Set for parts that must travel temperature-controlled.</param>
/// <param name="AirAllowed">False for goods that airlines restrict (standalone lithium-ion cells, UN3480).</param>
public sealed record Part(
    string PartNumber, string HsCode, string Description, int MinQuantity, int MaxQuantity,
    ReeferRange? Reefer = null, bool AirAllowed = true);

/// <summary>One cargo line of a shipment, as the contract takes it.</summary>
public sealed record CargoLine(string PartNumber, int Quantity, string? FactoryId);

/// <summary>
/// The parts the simulated voyages carry. HS codes are real HS 2022 subheadings (see
/// shared/data/harmonized-system); part numbers are invented but shaped like an EMS bill of materials.
/// </summary>
public static class CargoCatalog
{
    public static readonly ReeferRange Chilled = new(2, 8);
    public static readonly ReeferRange Frozen = new(-25, -15);

    public static IReadOnlyList<Part> DryParts { get; } =
    [
        new("IC-MCU-32F4", "8542.31", "32-bit microcontroller, Cortex-M4", 20_000, 250_000),
        new("IC-PMIC-5CH", "8542.31", "5-channel power-management controller", 10_000, 120_000),
        new("IC-MEM-DDR4-8G", "8542.32", "DDR4 8 Gbit DRAM", 10_000, 200_000),
        new("PCB-FR4-6L-HDI", "8534.00", "6-layer HDI printed circuit board", 500, 8_000),
        new("BAT-LI-21700-5A", "8507.60", "Lithium-ion cell 21700, 5 Ah", 10_000, 150_000, AirAllowed: false),
        new("CON-USBC-24P", "8536.69", "USB-C receptacle, 24 pin", 50_000, 600_000),
        new("CAP-MLCC-0402-1U", "8532.24", "Multilayer ceramic capacitor 0402 1 uF", 1_000_000, 20_000_000),
        new("DSP-LCD-101-WXGA", "8524.91", "10.1-inch LCD module with driver", 1_000, 15_000),
        new("DSP-OLED-065-FHD", "8524.92", "6.5-inch OLED module with driver", 2_000, 30_000),
        new("OPT-LCD-CELL-07", "9013.80", "7-inch liquid-crystal cell (no driver)", 2_000, 20_000),
    ];

    /// <summary>Assembly consumables that must travel cold: solder paste chilled, underfill epoxy frozen.</summary>
    public static IReadOnlyList<Part> ReeferParts { get; } =
    [
        new("SLD-PASTE-SAC305", "3810.10", "SAC305 solder paste, 500 g jars", 2_000, 20_000, Chilled),
        new("EPX-UNDERFILL-UF3", "3506.91", "Capillary underfill epoxy, 30 cc syringes", 1_000, 12_000, Frozen),
    ];

    /// <summary>What each demo factory mostly consumes; voyages to it pick from these first (the host's demo network buffers them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FactoryParts = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["F-MTY"] = ["IC-MCU-32F4", "CON-USBC-24P", "PCB-FR4-6L-HDI", "CAP-MLCC-0402-1U"],      // automotive/industrial EMS
        ["F-GDL"] = ["IC-MCU-32F4", "IC-MEM-DDR4-8G", "DSP-LCD-101-WXGA", "CAP-MLCC-0402-1U"],  // computing/EMS cluster
        ["F-HCM"] = ["DSP-OLED-065-FHD", "BAT-LI-21700-5A", "CAP-MLCC-0402-1U", "CON-USBC-24P"], // device assembly
        ["F-BKK"] = ["IC-MCU-32F4", "PCB-FR4-6L-HDI", "CON-USBC-24P", "OPT-LCD-CELL-07"],       // automotive electronics
        ["F-PEN"] = ["IC-MEM-DDR4-8G", "IC-PMIC-5CH", "PCB-FR4-6L-HDI"],                         // semiconductor back-end
        ["F-AUS"] = ["IC-MEM-DDR4-8G", "IC-PMIC-5CH", "BAT-LI-21700-5A", "PCB-FR4-6L-HDI"],      // servers and EV packs
    };

    public static IEnumerable<Part> AllParts => DryParts.Concat(ReeferParts);

    public static Part Find(string partNumber) =>
        DryParts.Concat(ReeferParts).First(p => p.PartNumber == partNumber);

    /// <summary>
    /// One to three cargo lines for a voyage. Reefer voyages carry one cold consumable; dry voyages pick
    /// from the destination factory's parts (any dry part when the lane has no factory). Deterministic in key.
    /// </summary>
    public static (IReadOnlyList<CargoLine> Lines, ReeferRange? Reefer) Pick(ulong key, TransportMode mode, string? factoryId, bool reefer)
    {
        if (reefer)
        {
            var cold = ReeferParts[(int)(DeterministicRandom.Unit(key) * ReeferParts.Count)];
            return ([Line(cold, DeterministicRandom.Key(key, 1), factoryId)], cold.Reefer);
        }

        IEnumerable<Part> pool = factoryId is not null && FactoryParts.TryGetValue(factoryId, out var numbers)
            ? numbers.Select(Find)
            : DryParts;
        var candidates = pool.Where(p => mode != TransportMode.Air || p.AirAllowed).ToList();
        int count = Math.Min(candidates.Count, 1 + (int)(DeterministicRandom.Unit(DeterministicRandom.Key(key, 2)) * 3));

        // Partial Fisher–Yates with derived keys: a stable choice of `count` distinct parts.
        var lines = new List<CargoLine>(count);
        for (int i = 0; i < count; i++)
        {
            int j = i + (int)(DeterministicRandom.Unit(DeterministicRandom.Key(key, 10, (ulong)i)) * (candidates.Count - i));
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            lines.Add(Line(candidates[i], DeterministicRandom.Key(key, 20, (ulong)i), factoryId));
        }
        return (lines, null);
    }

    private static CargoLine Line(Part part, ulong key, string? factoryId)
    {
        // Round to a plausible packing unit (reels, trays, cartons) so numbers read like real orders.
        double raw = DeterministicRandom.Range(key, part.MinQuantity, part.MaxQuantity);
        int unit = part.MaxQuantity >= 1_000_000 ? 10_000 : part.MaxQuantity >= 50_000 ? 1_000 : 100;
        int quantity = Math.Max(unit, (int)Math.Round(raw / unit) * unit);
        return new CargoLine(part.PartNumber, quantity, factoryId);
    }
}
