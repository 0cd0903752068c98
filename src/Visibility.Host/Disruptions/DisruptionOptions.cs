using Visibility.Domain.Disruptions;

namespace Visibility.Host.Disruptions;

/// <summary>The <c>Disruptions</c> configuration section (README, Configuration).</summary>
public sealed class DisruptionOptions
{
    /// <summary>Quakes below this magnitude are not disruptions.</summary>
    public double MinMagnitude { get; set; } = QuakeRules.DefaultMinMagnitude;
    /// <summary>Only quakes this recent become active disruptions; older ones are recorded as resolved history.</summary>
    public double QuakeActiveDays { get; set; } = 7;
    /// <summary>A USGS GeoJSON file (or folder of them) imported at start; empty = every *.geojson in the data folder's usgs-earthquakes.</summary>
    public string UsgsFeedPath { get; set; } = "";
    /// <summary>A USGS summary feed URL polled every <see cref="UsgsPollMinutes"/>; empty = no polling.</summary>
    public string UsgsFeedUrl { get; set; } = "";
    public double UsgsPollMinutes { get; set; } = 5;
    /// <summary>Security zones from the piracy records in the data folder at start.</summary>
    public bool PiracyZones { get; set; } = true;
    public double PiracyWindowYears { get; set; } = 3;
    public int PiracyMinAttacks { get; set; } = 10;

    public QuakeImportOptions Quakes => new(MinMagnitude, QuakeActiveDays);

    public PiracyZoneOptions Piracy => new(WindowYears: PiracyWindowYears, MinAttacks: PiracyMinAttacks);
}
