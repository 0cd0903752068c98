namespace Visibility.Domain.Disruptions;

/// <summary>
/// Simchi-Levi's time to survive and time to recover (see the domain notes), for one factory × part and one disruption:
/// <list type="bullet">
/// <item>TTS = (on hand + inbound the disruption does not touch) / ADU, in days: how long the factory keeps making
/// without what the disruption holds up. A part with no usage never runs out (null).</item>
/// <item>TTR = expected end − now, in days (never negative): how long the disrupted node needs.</item>
/// <item>impact = ADU × max(0, TTR − TTS) units: the demand that cannot be met while the node is down.</item>
/// </list>
/// Alternative supply whose quantity is unknown (a second source) is not counted: it would make TTS whatever one assumed.
/// </summary>
public static class TimeToSurvive
{
    public static double? TtsDays(double onHand, double unaffectedInbound, double adu) =>
        adu > 0 ? Math.Max(0, onHand + unaffectedInbound) / adu : null;

    public static double? TtrDays(DateTimeOffset? expectedEnd, DateTimeOffset now) =>
        expectedEnd is { } end ? Math.Max(0, (end - now).TotalDays) : null;

    public static double ImpactUnits(double adu, double? ttsDays, double? ttrDays) =>
        ttsDays is { } tts && ttrDays is { } ttr ? adu * Math.Max(0, ttr - tts) : 0;

    /// <summary>The part is at risk when it runs out before the node recovers.</summary>
    public static bool AtRisk(double? ttsDays, double? ttrDays) => ttsDays is { } tts && ttrDays is { } ttr && tts < ttr;
}
