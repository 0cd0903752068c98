namespace Visibility.Domain.Disruptions;

/// <summary>
/// How an earthquake becomes a hazard zone. Planning heuristics, not a ShakeMap:
/// <list type="bullet">
/// <item>radius = 10^(0.5 M − 1) km, kept within 10–1,000 km: 100 km at M6, 178 km at M6.5, 316 km at M7, 1,000 km at
/// M8. It grows ×√10 per magnitude unit, about as fast as the area of strong shaking does for shallow quakes, and
/// at M6–7 it is of the order of the distances at which damage to industrial sites and ports is reported.</item>
/// <item>time to recover = 7 × 3^(M − 6) days, kept within 3–180 days: a week at M6, three weeks at M7, two months
/// at M8 (inspections, aftershocks, repairs; a declared disruption states its own expected end instead).</item>
/// <item>severity: below M6.5 medium, below M7.5 high, from M7.5 critical (below M6: low).</item>
/// </list>
/// </summary>
public static class QuakeRules
{
    public const double DefaultMinMagnitude = 6.0;

    public static double RadiusKm(double magnitude) => Math.Clamp(Math.Pow(10, 0.5 * magnitude - 1), 10, 1000);

    public static double RecoveryDays(double magnitude) => Math.Clamp(7 * Math.Pow(3, magnitude - 6), 3, 180);

    public static DisruptionSeverity Severity(double magnitude) =>
        magnitude < 6 ? DisruptionSeverity.Low
        : magnitude < 6.5 ? DisruptionSeverity.Medium
        : magnitude < 7.5 ? DisruptionSeverity.High
        : DisruptionSeverity.Critical;
}
