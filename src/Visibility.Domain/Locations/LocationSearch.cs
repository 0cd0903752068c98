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

        // Keep only the best `limit` hits while scanning (a heap whose top is the worst kept hit):
        // a short query can match most of the ~100k entries, and sorting them all is the slow part.
        var worstFirst = Comparer<Hit>.Create(static (a, b) => Compare(b, a));
        var best = new PriorityQueue<Hit, Hit>(Math.Min(limit, 1024), worstFirst);
        foreach (var entry in snapshot.Entries)
        {
            if (kind != null && !entry.Location.Kinds.Contains(kind)) continue;
            int group = Match(entry, folded, wordStart, code);
            if (group == NoMatch) continue;
            var hit = new Hit(group, entry);
            if (best.Count < limit) best.Enqueue(hit, hit);
            else if (Compare(hit, best.Peek()) < 0) best.DequeueEnqueue(hit, hit);
        }

        var result = new Hit[best.Count];
        for (int i = result.Length - 1; i >= 0; i--) result[i] = best.Dequeue();
        return result.Select(h => h.Entry.Location).ToList();
    }

    private readonly record struct Hit(int Group, LocationEntry Entry);

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

    private static int Compare(Hit x, Hit y)
    {
        var (a, b) = (x.Entry, y.Entry);
        int c = x.Group.CompareTo(y.Group);
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
