namespace Visibility.Domain.Inventory;

/// <summary>
/// The three DDMRP zones of a buffer (Ptak &amp; Smith) and their tops, stacked red → yellow → green:
/// yellow = ADU × DLT; red base = ADU × DLT × LTF; red safety = red base × VF; red = base + safety;
/// green = max(MOQ, ADU × OC, ADU × DLT × LTF); TOR = red, TOY = TOR + yellow, TOG = TOY + green.
/// Zones are left fractional (ADU is an average); whole units appear only in the suggested order.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct BufferZones(
    [property: Id(0)] double RedBase,
    [property: Id(1)] double RedSafety,
    [property: Id(2)] double Red,
    [property: Id(3)] double Yellow,
    [property: Id(4)] double Green,
    [property: Id(5)] double TopOfRed,
    [property: Id(6)] double TopOfYellow,
    [property: Id(7)] double TopOfGreen)
{
    public static BufferZones Compute(double adu, BufferParameters p) =>
        Compute(adu, p.DltDays, p.LeadTimeFactor, p.VariabilityFactor, p.Moq, p.OrderCycleDays);

    /// <summary>The same formulas on bare numbers (all expected non-negative, as <see cref="BufferParameters.Validate"/> ensures).</summary>
    public static BufferZones Compute(double adu, double dltDays, double leadTimeFactor, double variabilityFactor, double moq, double orderCycleDays)
    {
        double yellow = adu * dltDays;
        double redBase = yellow * leadTimeFactor;
        double redSafety = redBase * variabilityFactor;
        double red = redBase + redSafety;
        double green = Math.Max(moq, Math.Max(adu * orderCycleDays, redBase));
        double topOfRed = red;
        double topOfYellow = topOfRed + yellow;
        return new BufferZones(redBase, redSafety, red, yellow, green, topOfRed, topOfYellow, topOfYellow + green);
    }
}
