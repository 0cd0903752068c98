using System.Globalization;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Inventory;

/// <summary>
/// What a planner sets for one factory × part buffer (PUT /api/factories/{id}/parts/{partNumber}). Quantities are in
/// the part's units; ADU is optional: when null it is computed from recorded usage (<see cref="AverageDailyUsage"/>).
/// <see cref="OpenOrders"/> are orders placed but not yet on a tracked shipment: shipments are added as inbound supply
/// separately, so counting a shipped order here too would count it twice.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BufferParameters(
    [property: Id(0)] string HsCode,
    [property: Id(1)] double? Adu,
    [property: Id(2)] double DltDays,
    [property: Id(3)] double LeadTimeFactor,
    [property: Id(4)] double VariabilityFactor,
    [property: Id(5)] double Moq,
    [property: Id(6)] double OrderCycleDays,
    [property: Id(7)] double OnHand,
    [property: Id(8)] double OpenOrders = 0)
{
    /// <summary>Upper bound for every quantity: far above any real buffer, low enough that sums stay exact in a double.</summary>
    public const double MaxQuantity = 1e9;
    public const double MaxDays = 365;
    /// <summary>DDMRP uses 0.2–1.0 in practice; anything down to 0.01 is accepted (0 would make red and green ADU-blind).</summary>
    public const double MinLeadTimeFactor = 0.01;

    /// <summary>
    /// Checks every field (messages keyed by the JSON names, after <paramref name="path"/>, e.g. "[2]." in a batch).
    /// Returns these parameters with the HS code normalised to digits, or null when anything is invalid.
    /// </summary>
    public BufferParameters? Validate(ValidationErrors errors, string path = "")
    {
        int before = errors.Count;
        if (!HsCodes.TryNormalize(HsCode, out string hsDigits, out string why)) errors.Add(path + "hsCode", why);
        if (Adu is { } adu) Check(errors, path + "adu", adu, 0, MaxQuantity);
        if (!double.IsFinite(DltDays) || DltDays <= 0 || DltDays > MaxDays)
            errors.Add(path + "dltDays", $"must be more than 0 and at most {Show(MaxDays)} days");
        Check(errors, path + "leadTimeFactor", LeadTimeFactor, MinLeadTimeFactor, 1);
        Check(errors, path + "variabilityFactor", VariabilityFactor, 0, 1);
        Check(errors, path + "moq", Moq, 0, MaxQuantity);
        Check(errors, path + "orderCycleDays", OrderCycleDays, 0, MaxDays);
        // Negative stock is a bookkeeping error upstream, not a state to plan from.
        Check(errors, path + "onHand", OnHand, 0, MaxQuantity);
        Check(errors, path + "openOrders", OpenOrders, 0, MaxQuantity);
        return errors.Count == before ? this with { HsCode = hsDigits } : null;
    }

    private static void Check(ValidationErrors errors, string field, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max) errors.Add(field, $"must be a number from {Show(min)} to {Show(max)}");
    }

    private static string Show(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
