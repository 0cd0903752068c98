using System.Globalization;
using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>One AIS position report (MarineCadastre CSV row). Sog/Cog are null when AIS says "not available".</summary>
public sealed record AisPosition(long Mmsi, DateTime Time, double Lat, double Lon, double? SogKnots, double? CogDeg, string VesselName, int? VesselType)
{
    public GeoPoint Point => new(Lat, Lon);
}

/// <summary>A vessel's positions in time order.</summary>
public sealed record AisVessel(long Mmsi, string Name, int VesselType, IReadOnlyList<AisPosition> Positions)
{
    public string ShipmentId => $"AIS-{Mmsi}";
}

/// <summary>
/// Reads MarineCadastre AIS CSV files (MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,
/// VesselType,...). Quoted fields with doubled quotes occur in vessel names (RAY "CHIEF" TONEY).
/// Rows with unparsable or impossible values are skipped and counted.
/// </summary>
public static class AisCsv
{
    /// <summary>AIS ship-type codes 70–79 are cargo ships, 80–89 tankers.</summary>
    public static bool IsCargoOrTanker(int? vesselType) => vesselType is >= 70 and <= 89;

    public static (List<AisPosition> Positions, int Skipped) Read(TextReader reader)
    {
        string? header = reader.ReadLine() ?? throw new FormatException("empty AIS file");
        var columns = SplitLine(header).Select((name, i) => (name, i)).ToDictionary(c => c.name.Trim(), c => c.i, StringComparer.OrdinalIgnoreCase);
        int Col(string name) => columns.TryGetValue(name, out int i) ? i : throw new FormatException($"AIS file has no {name} column");
        int mmsiCol = Col("MMSI"), timeCol = Col("BaseDateTime"), latCol = Col("LAT"), lonCol = Col("LON"),
            sogCol = Col("SOG"), cogCol = Col("COG"), nameCol = Col("VesselName"), typeCol = Col("VesselType");

        var positions = new List<AisPosition>();
        int skipped = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            var f = SplitLine(line);
            if (f.Count <= Math.Max(Math.Max(mmsiCol, timeCol), Math.Max(typeCol, nameCol))
                || !long.TryParse(f[mmsiCol], NumberStyles.None, CultureInfo.InvariantCulture, out long mmsi)
                || !DateTime.TryParse(f[timeCol], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                || !TryDouble(f[latCol], out double lat) || !TryDouble(f[lonCol], out double lon)
                || !GeoMath.IsValid(lat, lon))
            {
                skipped++;
                continue;
            }
            // AIS sentinels: SOG 102.3 = not available, COG 360 = not available.
            double? sog = TryDouble(f[sogCol], out double s) && s is >= 0 and < 102.2 ? s : null;
            double? cog = TryDouble(f[cogCol], out double c) && c is >= 0 and < 360 ? c : null;
            int? type = int.TryParse(f[typeCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) ? t : null;
            positions.Add(new AisPosition(mmsi, time, lat, lon, sog, cog, f[nameCol].Trim(), type));
        }
        return (positions, skipped);
    }

    /// <summary>
    /// Cargo and tanker vessels with at least two positions, most positions first (ties by MMSI), at most
    /// maxVessels. A vessel's type is taken from any of its rows (some rows leave it empty).
    /// </summary>
    public static List<AisVessel> SelectVessels(IEnumerable<AisPosition> positions, int maxVessels) =>
        positions.GroupBy(p => p.Mmsi)
            .Select(g => (Mmsi: g.Key, Type: g.Select(p => p.VesselType).FirstOrDefault(t => t is not null), Rows: g.OrderBy(p => p.Time).ToList()))
            .Where(v => IsCargoOrTanker(v.Type) && v.Rows.Count >= 2)
            .OrderByDescending(v => v.Rows.Count).ThenBy(v => v.Mmsi)
            .Take(maxVessels)
            .Select(v => new AisVessel(v.Mmsi, v.Rows.Select(p => p.VesselName).FirstOrDefault(n => n.Length > 0) ?? "", v.Type!.Value, v.Rows))
            .ToList();

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Splits one CSV line (RFC 4180 quoting; no line breaks inside fields in these files).</summary>
    public static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
