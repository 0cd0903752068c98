using Visibility.Simulator;

namespace Visibility.Host.Demo;

/// <summary>
/// The demo network of the embedded default, labelled as demo data everywhere it shows: an electronics maker
/// rebalancing from China, with plants in Mexico, Vietnam, Thailand, Malaysia and the US, and suppliers in China,
/// Taiwan, Korea, Japan, Malaysia, Vietnam and Thailand. Part numbers and HS codes match the simulator's cargo, so its
/// voyages feed these buffers. Sizes are chosen so the board starts with buffers in every zone.
/// </summary>
public static class DemoNetwork
{
    public sealed record Factory(string Id, string Name, string Locode);

    public static readonly Factory[] Factories =
    [
        new("F-MTY", "Monterrey EMS plant", "MXMTY"),
        new("F-GDL", "Guadalajara EMS plant", "MXGDL"),
        new("F-HCM", "Binh Duong device assembly", "VNBDG"),
        new("F-BKK", "Ayutthaya automotive electronics", "THAYU"),
        new("F-PEN", "Penang semiconductor back-end", "MYPEN"),
        new("F-AUS", "Austin systems plant", "USAUS"),
    ];

    /// <summary>
    /// Buffer profile per position in a factory's part list: daily usage in average shipment loads of the part, days of
    /// usage on hand, and the DDMRP factors. Cycling these across factories gives red, yellow and green buffers from the
    /// first minute, with the simulator's voyages on order.
    /// </summary>
    public static readonly (double AduLoads, double OnHandDays, double LeadTimeFactor, double VariabilityFactor)[] Profiles =
    [
        (0.9, 1.5, 0.3, 0.6),  // heavy user, thin stock: red
        (0.3, 30, 0.3, 0.4),   // comfortable: green
        (0.5, 20, 0.4, 0.5),   // yellow
        (1.2, 3, 0.3, 0.7),    // very heavy, volatile: red
    ];

    /// <summary>Decoupled lead time of sea supply from Asia, by destination region.</summary>
    /// <summary>Illustrative unit customs values (USD) of the demo parts, for the what-if's duty per year. Demo data.</summary>
    public static readonly IReadOnlyDictionary<string, double> UnitValueUsd = new Dictionary<string, double>
    {
        ["IC-MCU-32F4"] = 2.10, ["IC-PMIC-5CH"] = 0.95, ["IC-MEM-DDR4-8G"] = 3.20, ["PCB-FR4-6L-HDI"] = 14.00,
        ["BAT-LI-21700-5A"] = 3.50, ["CON-USBC-24P"] = 0.25, ["CAP-MLCC-0402-1U"] = 0.004, ["DSP-LCD-101-WXGA"] = 38.00,
        ["DSP-OLED-065-FHD"] = 65.00, ["OPT-LCD-CELL-07"] = 12.00, ["SLD-PASTE-SAC305"] = 45.00, ["EPX-UNDERFILL-UF3"] = 60.00,
    };

    public static double DltDaysFor(string factoryId) => factoryId switch
    {
        "F-MTY" or "F-GDL" or "F-AUS" => 40,
        _ => 14,
    };

    public sealed record Supplier(string Id, string Name, string Country, Site[] Sites);
    public sealed record Site(string Id, string Name, string Locode, (string Part, string[] Factories)[] Parts);

    public static readonly Supplier[] Suppliers =
    [
        new("S-SZ-MCU", "Shenzhen Microchip Co.", "CN", [
            new("SZ-1", "Dongguan wafer test and packaging", "CNDGG", [("IC-MCU-32F4", ["F-MTY", "F-GDL", "F-BKK"]), ("IC-PMIC-5CH", ["F-PEN", "F-AUS"])]),
        ]),
        new("S-SU-PCB", "Suzhou Circuit Boards Ltd.", "CN", [
            new("SU-1", "Suzhou Industrial Park plant", "CNSZH", [("PCB-FR4-6L-HDI", ["F-MTY", "F-BKK", "F-PEN", "F-AUS"])]),
            new("SU-2", "Wuxi plant", "CNWXS", [("CON-USBC-24P", ["F-MTY", "F-HCM", "F-BKK"])]),
        ]),
        new("S-TW-MEM", "Hsinchu Memory Corp.", "TW", [
            new("HS-1", "Hsinchu Science Park fab", "TWHSZ", [("IC-MEM-DDR4-8G", ["F-GDL", "F-PEN", "F-AUS"])]),
        ]),
        new("S-KR-DSP", "Gumi Display Co.", "KR", [
            new("GU-1", "Gumi display complex", "KRKUM", [("DSP-OLED-065-FHD", ["F-HCM"]), ("DSP-LCD-101-WXGA", ["F-GDL"])]),
        ]),
        new("S-KR-BAT", "Seoul Energy Cells", "KR", [
            new("SE-1", "Seoul cell plant", "KRSEL", [("BAT-LI-21700-5A", ["F-HCM", "F-AUS"])]),
        ]),
        new("S-JP-CAP", "Tokyo Ceramic Components", "JP", [
            new("TK-1", "Yokohama MLCC plant", "JPYOK", [("CAP-MLCC-0402-1U", ["F-MTY", "F-GDL", "F-HCM"])]),
        ]),
        new("S-MY-PKG", "Kulim Advanced Packaging", "MY", [
            new("KU-1", "Kulim Hi-Tech Park", "MYKLM", [("IC-PMIC-5CH", ["F-PEN"]), ("IC-MCU-32F4", ["F-BKK"])]),
        ]),
        new("S-VN-CON", "Bac Ninh Connectors JSC", "VN", [
            new("BN-1", "Bac Ninh plant", "VNBNH", [("CON-USBC-24P", ["F-HCM", "F-MTY"]), ("CAP-MLCC-0402-1U", ["F-HCM"])]),
        ]),
        new("S-TH-OPT", "Rayong Optics", "TH", [
            new("RY-1", "Rayong plant", "THRYG", [("OPT-LCD-CELL-07", ["F-BKK"])]),
        ]),
    ];

    public static IReadOnlyList<string> PartsFor(string factoryId) =>
        CargoCatalog.FactoryParts.TryGetValue(factoryId, out var parts) ? parts : [];
}
