using Visibility.Domain.Locations;

namespace Visibility.Domain.Tariffs;

/// <summary>One HTS line covered by Section 301: its code (8 or 10 digits) and list.</summary>
public sealed record Section301Line(string Hts, string List);

/// <summary>
/// HTS lines → Section 301 list, imported from the USITC table (the CSV derived from it in ../shared/data/section301),
/// and the look-up: for a code (HS6, HTS8 or HTS10), an origin and a date, the lists in force, the additional duty and
/// whether an HS6's lines fall under different lists ("mixed"). Only Chinese origin carries Section 301 duty.
/// </summary>
public sealed class Section301Table
{
    private readonly Dictionary<string, Section301Line> _byHts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Section301Line>> _byHs6 = new(StringComparer.Ordinal);

    public string Source { get; }
    public int Count => _byHts.Count;

    private Section301Table(string source) => Source = source;

    public IReadOnlyDictionary<string, int> CountByList() =>
        _byHts.Values.GroupBy(l => l.List).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Reads section301_hts_to_heading.csv (hts_code, hts_digits, hs6, chapter99_heading, list, effective, additional_duty_pct).</summary>
    public static (Section301Table Table, ImportReport Report) Import(string path)
    {
        var table = new Section301Table(Path.GetFileName(path));
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new List<string>();
        int loaded = 0, lineNo = 0, digitsAt = -1, listAt = -1;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0) continue;
            CsvLine.Split(line, fields);
            if (lineNo == 1)
            {
                digitsAt = fields.IndexOf("hts_digits");
                listAt = fields.IndexOf("list");
                if (digitsAt < 0 || listAt < 0) throw new InvalidDataException($"{path}: expected columns hts_digits and list");
                continue;
            }
            string? reason = null;
            if (fields.Count <= Math.Max(digitsAt, listAt)) reason = "short row";
            else if (!HtsCode.TryNormalise(fields[digitsAt], out var hts) || hts.Length < 8) reason = "bad HTS code";
            else if (Section301Lists.Normalise(fields[listAt]) is not { } list) reason = "unknown list";
            else if (!table.Add(new Section301Line(hts, list))) reason = "duplicate code";
            else loaded++;
            if (reason != null) skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
        }
        return (table, new ImportReport(table.Source, loaded, skipped.Values.Sum(), skipped));
    }

    /// <summary>A table from lines in memory (the product's own seed, tests).</summary>
    public static Section301Table From(string source, IEnumerable<Section301Line> lines)
    {
        var table = new Section301Table(source);
        foreach (var line in lines) table.Add(line);
        return table;
    }

    private bool Add(Section301Line line)
    {
        if (!_byHts.TryAdd(line.Hts, line)) return false;
        var hs6 = line.Hts[..6];
        if (!_byHs6.TryGetValue(hs6, out var list)) _byHs6[hs6] = list = [];
        list.Add(line);
        return true;
    }

    /// <summary>The lines a code covers: an HS6 → all its lines; an HTS8 → itself and its 10-digit lines; an HTS10 → itself or its HTS8.</summary>
    public IReadOnlyList<Section301Line> LinesFor(string digits)
    {
        if (digits.Length == 6) return _byHs6.TryGetValue(digits, out var all) ? all : [];
        if (digits.Length == 10)
            return _byHts.TryGetValue(digits, out var ten) ? [ten] : _byHts.TryGetValue(digits[..8], out var eight) ? [eight] : [];
        return _byHs6.TryGetValue(digits[..6], out var lines) ? lines.Where(l => l.Hts.StartsWith(digits, StringComparison.Ordinal)).ToList() : [];
    }

    public Section301Exposure Lookup(string digits, string origin, DateOnly date)
    {
        var lines = LinesFor(digits);
        var listsOfCode = lines.Select(l => l.List).Distinct().Order(StringComparer.Ordinal).ToArray();
        bool mixed = listsOfCode.Length > 1;
        if (!string.Equals(origin, "CN", StringComparison.OrdinalIgnoreCase))
            return new Section301Exposure(digits, origin.ToUpperInvariant(), date, [], 0, 0, 0, mixed, lines.Count, listsOfCode);
        var inForce = listsOfCode.Where(l => Section301Lists.InForce(l, date)).ToArray();
        // A line on a list not yet in force (or suspended) carries 0 on that date: it still counts in the range.
        var rates = lines.Select(l => Section301Lists.RateOn(l.List, date)).DefaultIfEmpty(0).ToArray();
        return new Section301Exposure(digits, "CN", date, inForce, rates.Max(), rates.Min(), rates.Max(), mixed, lines.Count, listsOfCode);
    }
}

/// <param name="Lists">The lists in force for this code on the date (empty for other origins).</param>
/// <param name="AdditionalDutyPct">The additional duty; for a mixed HS6 the highest of its lines (see Min/Max).</param>
/// <param name="ListsOfCode">Every list the code's lines are on, whatever the date and origin.</param>
public sealed record Section301Exposure(
    string Hts, string Origin, DateOnly Date, string[] Lists, double AdditionalDutyPct,
    double MinDutyPct, double MaxDutyPct, bool Mixed, int Lines, string[] ListsOfCode);
