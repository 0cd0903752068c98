namespace Visibility.Domain.Locations;

/// <summary>Where a catalog entry's point comes from, i.e. how far to trust it.</summary>
public enum LocationSource
{
    /// <summary>The curated <see cref="PortSeed"/>: checked against a second source.</summary>
    Seed,
    /// <summary>An official UNECE point (degrees and minutes, ~1-2 km), usually the town.</summary>
    UnLocode,
    /// <summary>A point Geoapify's geocoder filled in: approximate, occasionally a namesake far away.</summary>
    UnLocodeGeocoded,
}

/// <summary>
/// Ports, airports and inland places by UN/LOCODE: the curated seed plus whatever reference data was
/// imported. Reads (<see cref="Find"/>, <see cref="Search"/>, <see cref="All"/>) are lock-free and safe
/// from any thread at any time: each import builds a new immutable snapshot and publishes it at once.
/// </summary>
public sealed class LocationCatalog
{
    private readonly object _writeLock = new();
    private volatile LocationSnapshot _snapshot = LocationSnapshot.Empty;

    /// <summary>A catalog holding only <see cref="PortSeed"/>.</summary>
    public static LocationCatalog CreateSeeded()
    {
        var catalog = new LocationCatalog();
        catalog._snapshot = LocationSnapshot.Create(PortSeed.Entries.Select(l => new LocationEntry(l, LocationSource.Seed)));
        return catalog;
    }

    public int Count => _snapshot.Count;

    public IReadOnlyCollection<Location> All => _snapshot.All;

    /// <summary>The location for a code such as "CNSHA" (case and surrounding spaces ignored), or null.</summary>
    public Location? Find(string? locode) => _snapshot.Find(locode)?.Location;

    /// <summary>How trustworthy the point of <paramref name="locode"/> is, or null if unknown.</summary>
    public LocationSource? SourceOf(string? locode) => _snapshot.Find(locode)?.Source;

    /// <summary>
    /// Locations matching <paramref name="query"/> by code or name, best first: exact code, then names
    /// starting with the query, names with a word starting with it, codes starting with it, and names
    /// containing it. Within each group seeded entries come first, then ports and airports, then
    /// official points before geocoded ones, then shorter names. Matching ignores case and accents.
    /// </summary>
    /// <param name="kind">Only locations of this kind (<see cref="LocationKinds"/>), or any when null.</param>
    public IReadOnlyList<Location> Search(string query, int limit = 20, string? kind = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return LocationSearch.Run(_snapshot, query, limit, kind);
    }

    /// <summary>
    /// Imports the UN/LOCODE list (see <see cref="UnLocodeImport"/> for which rows are kept). Codes of
    /// the curated seed are left untouched and counted as skipped; other codes already in the catalog
    /// are replaced by the imported row.
    /// </summary>
    public ImportReport ImportUnLocode(string csvPath)
    {
        if (!File.Exists(csvPath)) return ImportReport.Missing(UnLocodeImport.SourceName);
        var result = UnLocodeImport.Read(csvPath);

        lock (_writeLock)
        {
            var current = _snapshot;
            var entries = current.Entries.ToDictionary(e => e.Location.Locode, StringComparer.Ordinal);
            var skipped = new Dictionary<string, int>(result.Report.SkippedByReason);
            int loaded = 0;
            foreach (var imported in result.Locations)
            {
                var code = imported.Location.Locode;
                if (entries.TryGetValue(code, out var existing) && existing.Source == LocationSource.Seed)
                {
                    skipped[UnLocodeSkipReasons.CuratedSeedKept] = skipped.GetValueOrDefault(UnLocodeSkipReasons.CuratedSeedKept) + 1;
                    continue;
                }
                entries[code] = new LocationEntry(imported.Location,
                    imported.Geocoded ? LocationSource.UnLocodeGeocoded : LocationSource.UnLocode);
                loaded++;
            }

            _snapshot = LocationSnapshot.Create(entries.Values);
            return new ImportReport(result.Report.Source, loaded, skipped.Values.Sum(), skipped);
        }
    }
}
