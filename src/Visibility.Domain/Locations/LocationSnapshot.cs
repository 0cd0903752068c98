namespace Visibility.Domain.Locations;

/// <summary>A catalog entry with what search needs precomputed.</summary>
internal sealed record LocationEntry(Location Location, LocationSource Source)
{
    public string FoldedName { get; } = SearchText.Fold(Location.Name);
    public bool IsSeed => Source == LocationSource.Seed;
    public bool IsPortOrAirport => Location.IsPort || Location.IsAirport;
}

/// <summary>An immutable state of the catalog; a new one replaces the old one on each import.</summary>
internal sealed class LocationSnapshot
{
    public static readonly LocationSnapshot Empty = Create(Array.Empty<LocationEntry>());

    private readonly Dictionary<string, LocationEntry> _byCode;

    /// <summary>All entries, seeded first, then by code (the order <see cref="All"/> lists them in).</summary>
    public LocationEntry[] Entries { get; }
    public IReadOnlyCollection<Location> All { get; }
    public int Count => Entries.Length;

    private LocationSnapshot(LocationEntry[] entries)
    {
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Location.Locode, StringComparer.Ordinal);
        All = Array.AsReadOnly(entries.Select(e => e.Location).ToArray());
    }

    public static LocationSnapshot Create(IEnumerable<LocationEntry> entries) =>
        new(entries.OrderBy(e => e.IsSeed ? 0 : 1)
                   .ThenBy(e => e.Location.Locode, StringComparer.Ordinal)
                   .ToArray());

    public LocationEntry? Find(string? locode)
    {
        if (string.IsNullOrWhiteSpace(locode)) return null;
        var key = locode.Trim().ToUpperInvariant();
        return _byCode.GetValueOrDefault(key);
    }
}
