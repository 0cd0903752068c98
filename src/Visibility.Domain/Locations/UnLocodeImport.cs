namespace Visibility.Domain.Locations;

/// <summary>A location read from UN/LOCODE, with whether its point came from a geocoder.</summary>
public sealed record ImportedLocation(Location Location, bool Geocoded);

/// <summary>
/// Reads code-list-coordinates.csv and decides which rows become catalog locations.
/// </summary>
/// <remarks>
/// Policy (each skipped row is counted under a reason in <see cref="UnLocodeSkipReasons"/>):
/// <list type="bullet">
/// <item>Kept: rows with valid coordinates whose function marks a port (1), an airport (4), or an
///   inland logistics place (rail 2, road 3, multimodal 6, inland water 8, border crossing B).</item>
/// <item>Geocoded rows (<c>geocoded=true</c>) are kept only for ports and airports. Shipments name
///   those, and an approximate point beats an unknown code; against OpenFlights, geocoded airport
///   points are within ~1 km at the median and ~23 km at the 90th percentile, though ~6 % are more
///   than 100 km off. Geocoded inland-only rows (~13k towns) add little and are skipped. The
///   catalog records which kept points are geocoded (<see cref="LocationSource"/>).</item>
/// <item>We also tried rejecting geocoded points outside the extent of the official points of their
///   subdivision: it rejected more good points than bad ones, so it is not applied.</item>
/// <item>A code listed twice (bilingual names, e.g. Brussel/Bruxelles) keeps its first row, unless only
///   a later row has an official (non-geocoded) point.</item>
/// </list>
/// </remarks>
public static class UnLocodeImport
{
    public const string SourceName = "UN/LOCODE (code-list-coordinates.csv)";

    public sealed record Result(IReadOnlyList<ImportedLocation> Locations, ImportReport Report);

    public static Result Read(string csvPath)
    {
        var kept = new Dictionary<string, ImportedLocation>(120_000, StringComparer.Ordinal);
        var order = new List<string>(120_000);
        var skipped = new Dictionary<string, int>();
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

        var fields = new List<string>(16);
        bool header = true;
        foreach (var line in File.ReadLines(csvPath))
        {
            if (header) { header = false; continue; }
            if (line.Length == 0) continue;

            CsvLine.Split(line, fields);
            var row = UnLocodeRow.TryParse(fields, out var reason);
            if (row is null) { Skip(reason!); continue; }
            if (row.Lat is null || row.Lon is null) { Skip(UnLocodeSkipReasons.NoCoordinates); continue; }
            if (!row.HasValidCoordinates) { Skip(UnLocodeSkipReasons.InvalidCoordinates); continue; }

            var kinds = row.Kinds;
            if (kinds.Count == 0) { Skip(UnLocodeSkipReasons.NoTransportFunction); continue; }
            if (row.Geocoded && !row.IsPort && !row.IsAirport) { Skip(UnLocodeSkipReasons.GeocodedInland); continue; }

            var candidate = new ImportedLocation(
                new Location(row.Locode, row.Name, row.Country, row.Lat.Value, row.Lon.Value, kinds), row.Geocoded);
            if (kept.TryGetValue(row.Locode, out var earlier))
            {
                Skip(UnLocodeSkipReasons.DuplicateCode);
                if (earlier.Geocoded && !candidate.Geocoded) kept[row.Locode] = candidate;
                continue;
            }
            kept.Add(row.Locode, candidate);
            order.Add(row.Locode);
        }

        var locations = order.Select(code => kept[code]).ToList();
        return new Result(locations, new ImportReport(SourceName, locations.Count, skipped.Values.Sum(), skipped));
    }
}
