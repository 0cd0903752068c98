namespace Visibility.Domain.Disruptions;

public enum QuakeDisposition { Active, History, BelowThreshold }

/// <param name="MinMagnitude">Quakes below it are not disruptions (<c>Disruptions:MinMagnitude</c>).</param>
/// <param name="ActiveDays">Only quakes this recent become active disruptions (<c>Disruptions:QuakeActiveDays</c>).</param>
public sealed record QuakeImportOptions(double MinMagnitude = QuakeRules.DefaultMinMagnitude, double ActiveDays = 7);

/// <summary>
/// Turns a feed quake into a disruption. Its id is "usgs-" + the USGS event id, so importing the same feed twice (or a
/// later feed that still lists the event) finds it already there. Only recent quakes become active: a feed file read
/// at every start (the shared 2013 snapshot, or last month's) must not re-route the fleet with old events. A quake
/// older than <see cref="QuakeImportOptions.ActiveDays"/>, or whose recovery time has already run out, is recorded as
/// resolved history (resolved when its recovery time ended, or now) and reaches nothing.
/// </summary>
public static class QuakeImport
{
    public const string Source = "usgs";

    public static (DisruptionDefinition? Definition, QuakeDisposition Disposition, DateTimeOffset? ResolvedAt) Plan(
        QuakeItem quake, QuakeImportOptions options, DateTimeOffset now)
    {
        if (quake.Magnitude < options.MinMagnitude) return (null, QuakeDisposition.BelowThreshold, null);
        var end = quake.Time + TimeSpan.FromDays(QuakeRules.RecoveryDays(quake.Magnitude));
        var definition = new DisruptionDefinition
        {
            Id = IdOf(quake.Id),
            Type = DisruptionType.NaturalHazard,
            Severity = QuakeRules.Severity(quake.Magnitude),
            Title = FormattableString.Invariant($"M{quake.Magnitude:0.0} earthquake") + (quake.Place is { Length: > 0 } place ? $": {place}" : ""),
            Zone = ZoneGeometry.Circle(quake.Epicentre, Math.Round(QuakeRules.RadiusKm(quake.Magnitude), 1)),
            Start = quake.Time,
            ExpectedEnd = end,
            Source = Source,
            SourceId = quake.Id,
            Note = quake.Url,
            AutoResolve = true,
            Point = quake.Epicentre,
            PlaceName = quake.Place,
        };
        bool recent = now - quake.Time <= TimeSpan.FromDays(options.ActiveDays);
        return recent && end > now
            ? (definition, QuakeDisposition.Active, null)
            : (definition, QuakeDisposition.History, end < now ? end : now);
    }

    public static string IdOf(string usgsId) => "usgs-" + usgsId;
}
