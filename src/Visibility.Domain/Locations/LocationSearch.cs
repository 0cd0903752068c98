namespace Visibility.Domain.Locations;

/// <summary>Ranks catalog entries against a typed query (see <see cref="LocationCatalog.Search"/>).</summary>
internal static class LocationSearch
{
    // Match groups, best first.
    private const int ExactCode = 0, NamePrefix = 1, WordPrefix = 2, CodePrefix = 3, NameContains = 4, NoMatch = -1;

    public static IReadOnlyList<Location> Run(LocationSnapshot snapshot, string? query, int limit, string? kind)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0 || limit == 0) return [];

        var folded = SearchText.Fold(text);
        var code = AsCodePrefix(text);
        var wordStart = " " + folded;

        var hits = new List<(int Group, LocationEntry Entry)>();
        foreach (var entry in snapshot.Entries)
        {
            if (kind != null && !entry.Location.Kinds.Contains(kind)) continue;
            int group = Match(entry, folded, wordStart, code);
            if (group != NoMatch) hits.Add((group, entry));
        }

        hits.Sort(static (a, b) => Compare(a.Group, a.Entry, b.Group, b.Entry));
        return hits.Take(limit).Select(h => h.Entry.Location).ToList();
    }

    private static int Match(LocationEntry entry, string folded, string wordStart, string? code)
    {
        var locode = entry.Location.Locode;
        if (code != null && locode == code) return ExactCode;
        if (folded.Length > 0)
        {
            var name = entry.FoldedName;
            if (name.StartsWith(folded, StringComparison.Ordinal)) return NamePrefix;
            if (name.Contains(wordStart, StringComparison.Ordinal)) return WordPrefix;
        }
        if (code != null && locode.StartsWith(code, StringComparison.Ordinal)) return CodePrefix;
        if (folded.Length > 0 && entry.FoldedName.Contains(folded, StringComparison.Ordinal)) return NameContains;
        return NoMatch;
    }

    private static int Compare(int groupA, LocationEntry a, int groupB, LocationEntry b)
    {
        int c = groupA.CompareTo(groupB);
        if (c == 0) c = b.IsSeed.CompareTo(a.IsSeed);
        if (c == 0) c = b.IsPortOrAirport.CompareTo(a.IsPortOrAirport);
        if (c == 0) c = a.Source.CompareTo(b.Source); // official before geocoded
        if (c == 0) c = a.FoldedName.Length.CompareTo(b.FoldedName.Length);
        if (c == 0) c = string.CompareOrdinal(a.Location.Locode, b.Location.Locode);
        return c;
    }

    /// <summary>The query as the start of a code ("cnsh" → "CNSH"), or null if it cannot be one.</summary>
    private static string? AsCodePrefix(string text)
    {
        if (text.Length is < 2 or > 5) return null;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c)) return null;
        return text.ToUpperInvariant();
    }
}
