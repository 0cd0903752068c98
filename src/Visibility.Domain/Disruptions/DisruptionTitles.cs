using System.Globalization;

namespace Visibility.Domain.Disruptions;

/// <summary>A short title for a declared disruption that names none: what happened where, as the feed and the map show it.</summary>
public static class DisruptionTitles
{
    public static string For(DisruptionType type, string? placeName, double delayDays) => type switch
    {
        DisruptionType.ChokepointClosure => $"{placeName} closed",
        DisruptionType.PortClosure => $"Port of {placeName} closed",
        DisruptionType.PortCongestion => $"Port of {placeName} congested (+{Days(delayDays)} d)",
        DisruptionType.CustomsHold => $"Customs hold at {placeName} (+{Days(delayDays)} d)",
        DisruptionType.NaturalHazard => placeName is null ? "Natural hazard" : $"Natural hazard near {placeName}",
        DisruptionType.SecurityZone => placeName is null ? "Security risk zone" : $"Security risk zone near {placeName}",
        _ => $"{placeName} halted",
    };

    private static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);
}
