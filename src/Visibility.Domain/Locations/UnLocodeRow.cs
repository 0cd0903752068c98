using System.Globalization;
using System.Text.RegularExpressions;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Locations;

/// <summary>
/// One row of the UN/LOCODE code list with coordinates (github.com/geoapify/un-locode, merged into
/// code-list-coordinates.csv). Columns:
/// <c>country,location,name,nameWoDiacritics,subdivision,status,function,iata,lat,lon,geocoded</c>.
/// </summary>
/// <param name="Function">8 positions: 1 = port, 2 = rail, 3 = road, 4 = airport, 5 = postal,
/// 6 = multimodal, 7 = fixed transport, 8 = inland water, B = border crossing, '-' = not that.</param>
/// <param name="Geocoded">True when the point was filled in by Geoapify's geocoder rather than taken from
/// UNECE: such points are often a city centre, and now and then a namesake on another continent.</param>
public sealed partial record UnLocodeRow(
    string Country, string Location, string Name, string Subdivision, string Function,
    double? Lat, double? Lon, bool Geocoded)
{
    public const int ColumnCount = 11;

    public string Locode => Country + Location;

    public bool IsPort => Function[0] == '1';
    public bool IsAirport => Function[3] == '4';

    /// <summary>A place goods reach over land or inland water (rail, road, multimodal, inland water
    /// port, border crossing) that is not a seaport: what the platform calls "inland".</summary>
    public bool IsInland => !IsPort && (Function[1] == '2' || Function[2] == '3' || Function[5] == '6'
                                        || Function[7] == '8' || Function[7] == 'B');

    public IReadOnlyList<string> Kinds
    {
        get
        {
            var kinds = new List<string>(2);
            if (IsPort) kinds.Add(LocationKinds.Port);
            if (IsAirport) kinds.Add(LocationKinds.Airport);
            if (IsInland) kinds.Add(LocationKinds.Inland);
            return kinds;
        }
    }

    public bool HasValidCoordinates => Lat is { } lat && Lon is { } lon && GeoMath.IsValid(lat, lon)
                                       && !(lat == 0 && lon == 0); // 0,0 is a placeholder, not a place

    /// <summary>
    /// Reads one split CSV line. Returns null (with the reason) when the row is unusable. Rows whose
    /// name held a comma were written without proper quoting (e.g. <c>"""Nagoya"," Aichi"""</c>): their
    /// name and name-without-diacritics come out as two fields each and the status and IATA columns
    /// are missing. Those are recognised by the stray quotes and repaired, not dropped.
    /// </summary>
    public static UnLocodeRow? TryParse(IReadOnlyList<string> f, out string? skipReason)
    {
        skipReason = UnLocodeSkipReasons.Malformed;
        if (f.Count != ColumnCount) return null;

        string name, nameAscii, subdivision, function;
        if (IsBrokenCommaName(f))
        {
            name = f[2][1..] + "," + f[3][..^1];
            nameAscii = f[4][1..] + "," + f[5][..^1];
            subdivision = f[6];
            function = f[7];
        }
        else
        {
            name = f[2];
            nameAscii = f[3];
            subdivision = f[4];
            function = f[6];
        }

        if (!CountryCode().IsMatch(f[0]) || !LocationCode().IsMatch(f[1]) || !FunctionCode().IsMatch(function))
            return null;

        // Letters outside ASCII were replaced by U+FFFD when the file was packaged ("G\uFFFDteborg");
        // the name-without-diacritics column is intact for all but ~20 rows, so it is the better name.
        // In those ~20 the lost letter becomes '?', the marker the file itself uses for ~90 other
        // lost letters (Czech, Turkish): the name stays readable and searchable by its other words.
        var bestName = (name.Contains('\uFFFD') || name.Length == 0 ? nameAscii : name).Replace('\uFFFD', '?').Trim();
        if (bestName.Length == 0) return null;

        skipReason = null;
        return new UnLocodeRow(f[0], f[1], bestName, subdivision, function,
            ParseDegrees(f[8]), ParseDegrees(f[9]), f[10].Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsBrokenCommaName(IReadOnlyList<string> f) =>
        f[2].StartsWith('"') && f[3].EndsWith('"') && f[4].StartsWith('"') && f[5].EndsWith('"');

    private static double? ParseDegrees(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryCode();
    // The standard uses letters and digits 2-9, but a few listed codes (DE9B0, DEB90, IT940...) contain a 0.
    [GeneratedRegex("^[A-Z0-9]{3}$")] private static partial Regex LocationCode();
    [GeneratedRegex("^[-0-9B]{8}$")] private static partial Regex FunctionCode();
}

/// <summary>The reasons an import gives for rows it did not load (keys of <see cref="ImportReport.SkippedByReason"/>).</summary>
public static class UnLocodeSkipReasons
{
    public const string Malformed = "malformed row";
    public const string NoCoordinates = "no coordinates";
    public const string InvalidCoordinates = "invalid coordinates";
    public const string NoTransportFunction = "no port, airport or inland function";
    public const string GeocodedInland = "geocoded inland place (unverified point)";
    public const string DuplicateCode = "duplicate code (alternate-language name)";
    public const string CuratedSeedKept = "curated seed entry kept";
}
