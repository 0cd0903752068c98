namespace Visibility.Domain.Disruptions;

/// <summary>What kind of event disrupts the network; it decides what the disruption's geometry is and whom it reaches.</summary>
public enum DisruptionType
{
    /// <summary>A strait or canal closed (a chokepoint name): ships whose remaining route passes it are re-routed.</summary>
    ChokepointClosure = 0,
    /// <summary>A port closed (a locode): shipments bound for it cannot arrive before the expected end.</summary>
    PortClosure = 1,
    /// <summary>A port congested (a locode and a delay in days): shipments bound for it arrive that much later.</summary>
    PortCongestion = 2,
    /// <summary>An earthquake, storm or flood (a point with a radius, or a polygon): shipments inside are alerted, supplier sites inside impacted.</summary>
    NaturalHazard = 3,
    /// <summary>Piracy, war risk (a point with a radius, or a polygon): shipments inside are alerted.</summary>
    SecurityZone = 4,
    /// <summary>A supplier site stopped (supplier and site): the parts it supplies are at risk at the factories it feeds.</summary>
    SupplierSiteOutage = 5,
    /// <summary>Customs holding cargo at a port (a locode and a delay in days): shipments bound for it arrive that much later.</summary>
    CustomsHold = 6,
}

public enum DisruptionSeverity { Low = 0, Medium = 1, High = 2, Critical = 3 }

public enum DisruptionStatus { Active = 0, Resolved = 1 }

public static class DisruptionNames
{
    private static readonly (DisruptionType Type, string Name)[] Types =
    [
        (DisruptionType.ChokepointClosure, "chokepoint-closure"),
        (DisruptionType.PortClosure, "port-closure"),
        (DisruptionType.PortCongestion, "port-congestion"),
        (DisruptionType.NaturalHazard, "natural-hazard"),
        (DisruptionType.SecurityZone, "security-zone"),
        (DisruptionType.SupplierSiteOutage, "supplier-site-outage"),
        (DisruptionType.CustomsHold, "customs-hold"),
    ];

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    public static IReadOnlyList<string> TypeNames { get; } = Types.Select(t => t.Name).ToArray();

    public static string ToApi(this DisruptionType type) => Types.First(t => t.Type == type).Name;

    public static string ToApi(this DisruptionSeverity severity) => Severities[(int)severity];

    public static string ToApi(this DisruptionStatus status) => status == DisruptionStatus.Active ? "active" : "resolved";

    public static bool TryParseType(string? value, out DisruptionType type)
    {
        foreach (var (t, name) in Types)
            if (name == value) { type = t; return true; }
        type = default;
        return false;
    }

    public static bool TryParseSeverity(string? value, out DisruptionSeverity severity)
    {
        int i = Array.IndexOf(Severities, value);
        severity = i < 0 ? default : (DisruptionSeverity)i;
        return i >= 0;
    }

    /// <summary>Types placed on a port (a locode).</summary>
    public static bool IsPortType(this DisruptionType type) =>
        type is DisruptionType.PortClosure or DisruptionType.PortCongestion or DisruptionType.CustomsHold;

    /// <summary>Types placed as an area (a circle or a polygon).</summary>
    public static bool IsZoneType(this DisruptionType type) =>
        type is DisruptionType.NaturalHazard or DisruptionType.SecurityZone;
}
