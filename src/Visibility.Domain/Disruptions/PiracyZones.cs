using System.Globalization;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Disruptions;

/// <summary>One geolocated attack from the maritime piracy records (IMB reports 1993–2020).</summary>
public sealed record PiracyAttack(DateOnly Date, GeoPoint At, string Place);

/// <summary>A cluster of recent attacks, as a security zone over the lanes it covers.</summary>
public sealed record PiracyZone(string Id, GeoPoint Center, double RadiusKm, int Attacks, DateOnly From, DateOnly To, string Place)
{
    public DisruptionSeverity Severity => Attacks >= 40 ? DisruptionSeverity.High : Attacks >= 20 ? DisruptionSeverity.Medium : DisruptionSeverity.Low;

    /// <summary>A standing security zone: no expected end, never resolved by itself.</summary>
    public DisruptionDefinition ToDefinition() => new()
    {
        Id = Id,
        Type = DisruptionType.SecurityZone,
        Severity = Severity,
        Title = FormattableString.Invariant($"Piracy risk: {Place} ({Attacks} attacks {From.Year}–{To.Year})"),
        Zone = ZoneGeometry.Circle(Center, RadiusKm),
        Start = new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        ExpectedEnd = null,
        Source = PiracyZones.Source,
        SourceId = Id,
        Point = Center,
        PlaceName = Place,
    };
}

/// <param name="WindowYears">Attacks within this many years before the newest record count (<c>Disruptions:PiracyWindowYears</c>).</param>
/// <param name="CellDeg">Attacks are binned on a grid of this size; neighbouring busy cells form one zone.</param>
/// <param name="MinAttacksPerCell">A cell with fewer attacks is not part of a zone (a lone incident is not a risk area).</param>
/// <param name="MinAttacks">A zone needs at least this many attacks in the window (<c>Disruptions:PiracyMinAttacks</c>).</param>
public sealed record PiracyZoneOptions(double WindowYears = 3, double CellDeg = 2, int MinAttacksPerCell = 3, int MinAttacks = 10);

/// <summary>
/// Security risk zones from the piracy records: the attacks of the last few years of the file (the window ends at its
/// newest record, 2020 for the shared file, not today), binned on a 2° grid; neighbouring cells with at least three
/// attacks are joined, and each group with enough attacks becomes a circle around the attacks' mean position whose
/// radius holds 90 % of them plus a 30 km margin (50–500 km). Ids name the window and the busiest cell, so importing
/// the same file again creates nothing new.
/// </summary>
public static class PiracyZones
{
    public const string Source = "imb-piracy";
    private const double MarginKm = 30;

    public static (List<PiracyAttack> Attacks, Dictionary<string, int> SkippedByReason) Read(TextReader reader)
    {
        var attacks = new List<PiracyAttack>();
        var skipped = new Dictionary<string, int>();
        int date = -1, lat = -1, lon = -1, place = -1;
        bool header = true;
        foreach (var record in CsvRecords.Read(reader))
        {
            if (header)
            {
                date = record.IndexOf("date");
                lat = record.IndexOf("latitude");
                lon = record.IndexOf("longitude");
                place = record.IndexOf("location_description");
                if (date < 0 || lat < 0 || lon < 0) throw new FormatException("not the piracy records format: date, latitude and longitude columns expected");
                header = false;
                continue;
            }
            if (record.Count == 1 && record[0].Length == 0) continue; // blank line
            string? reason = null;
            if (record.Count <= Math.Max(date, Math.Max(lat, lon))) reason = "too few fields";
            else if (!DateOnly.TryParseExact(record[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) reason = "no date";
            else if (!double.TryParse(record[lat], NumberStyles.Float, CultureInfo.InvariantCulture, out double la)
                     || !double.TryParse(record[lon], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo) || !GeoMath.IsValid(la, lo))
                reason = "no valid position";
            else
            {
                string where = place >= 0 && place < record.Count && record[place] is { Length: > 0 } text && text != "NA" ? text.Trim() : "open sea";
                attacks.Add(new PiracyAttack(d, new GeoPoint(la, lo), where.Length > 80 ? where[..80] : where));
            }
            if (reason != null) skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
        }
        return (attacks, skipped);
    }

    public static IReadOnlyList<PiracyZone> Cluster(IReadOnlyCollection<PiracyAttack> attacks, PiracyZoneOptions options)
    {
        if (attacks.Count == 0) return [];
        var newest = attacks.Max(a => a.Date);
        var from = DateOnly.FromDateTime(newest.ToDateTime(TimeOnly.MinValue).AddDays(-365.25 * options.WindowYears));
        int columns = (int)Math.Round(360 / options.CellDeg);
        var cells = attacks.Where(a => a.Date > from)
            .GroupBy(a => ((int)Math.Floor((a.At.Lat + 90) / options.CellDeg), (int)Math.Floor((GeoMath.NormalizeLon(a.At.Lon) + 180) / options.CellDeg) % columns))
            .Where(g => g.Count() >= options.MinAttacksPerCell)
            .ToDictionary(g => g.Key, g => g.ToList());

        var zones = new List<PiracyZone>();
        var visited = new HashSet<(int, int)>();
        foreach (var start in cells.Keys.OrderBy(k => k))
        {
            if (!visited.Add(start)) continue;
            var group = new List<(int Row, int Col)> { start };
            for (int i = 0; i < group.Count; i++)
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        var next = (group[i].Row + dr, ((group[i].Col + dc) % columns + columns) % columns);
                        if (cells.ContainsKey(next) && visited.Add(next)) group.Add(next);
                    }
            var members = group.SelectMany(k => cells[k]).ToList();
            if (members.Count < options.MinAttacks) continue;
            var busiest = group.OrderByDescending(k => cells[k].Count).ThenBy(k => k).First();
            zones.Add(ZoneOf(members, FormattableString.Invariant($"piracy-{newest.Year}-{busiest.Row}-{busiest.Col}"), from, newest));
        }
        return zones.OrderByDescending(z => z.Attacks).ToArray();
    }

    private static PiracyZone ZoneOf(List<PiracyAttack> members, string id, DateOnly from, DateOnly to)
    {
        // Longitudes unwrapped around the first attack, so a group across the seam averages to the right side.
        double refLon = members[0].At.Lon, lat = 0, lon = 0;
        foreach (var a in members)
        {
            double l = a.At.Lon;
            while (l - refLon > 180) l -= 360;
            while (l - refLon < -180) l += 360;
            lat += a.At.Lat;
            lon += l;
        }
        var center = new GeoPoint(lat / members.Count, GeoMath.NormalizeLon(lon / members.Count));
        var distances = members.Select(a => GeoMath.HaversineKm(center, a.At)).Order().ToArray();
        double p90 = distances[(int)Math.Floor(0.9 * (distances.Length - 1))];
        string place = members.GroupBy(a => a.Place).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new PiracyZone(id, new GeoPoint(Math.Round(center.Lat, 3), Math.Round(center.Lon, 3)),
            Math.Round(Math.Clamp(p90 + MarginKm, 50, 500)), members.Count, members.Min(a => a.Date), members.Max(a => a.Date), place);
    }
}
