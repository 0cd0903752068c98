using Visibility.Domain.Locations;

namespace Visibility.Domain.Sourcing;

/// <summary>
/// Global export concentration per HS6 (how few countries supply the world's exports of a good), imported from a CSV.
/// Two documented formats (header row required):
/// <list type="bullet">
/// <item><c>hs6,export_hhi[,description]</c>: a precomputed HHI of exporter shares (0–10,000);</item>
/// <item><c>hs6,exporter,share_pct</c>: exporter-country shares, from which the HHI is computed per HS6.</item>
/// </list>
/// "High" centrality is the top quarter of the table (configurable): an HS6 at or above the table's 75th percentile.
/// </summary>
public sealed class ExportConcentrationTable
{
    private readonly Dictionary<string, double> _hhi;

    public string Source { get; }
    public double HighQuantile { get; }
    /// <summary>The HHI from which an HS6 counts as highly central (the table's <see cref="HighQuantile"/> value).</summary>
    public double HighThreshold { get; }
    public int Count => _hhi.Count;

    private ExportConcentrationTable(string source, Dictionary<string, double> hhi, double highQuantile)
    {
        Source = source;
        _hhi = hhi;
        HighQuantile = highQuantile;
        var sorted = hhi.Values.Order().ToArray();
        HighThreshold = sorted.Length == 0 ? double.PositiveInfinity : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(highQuantile * sorted.Length))];
    }

    /// <summary>The global export HHI of an HS6 and whether it is in the top quarter; null when the table lacks it.</summary>
    public (double Hhi, bool High)? Centrality(string hs6) =>
        _hhi.TryGetValue(hs6, out var h) ? (h, h >= HighThreshold) : null;

    public static ExportConcentrationTable From(string source, IReadOnlyDictionary<string, double> hhiByHs6, double highQuantile = 0.75) =>
        new(source, new Dictionary<string, double>(hhiByHs6, StringComparer.Ordinal), highQuantile);

    public static (ExportConcentrationTable Table, ImportReport Report) Import(string path, double highQuantile = 0.75)
    {
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
        var fields = new List<string>();
        var hhi = new Dictionary<string, double>(StringComparer.Ordinal);
        var shares = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        int hs6At = -1, hhiAt = -1, exporterAt = -1, shareAt = -1, lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            CsvLine.Split(line, fields);
            if (hs6At < 0)
            {
                hs6At = fields.IndexOf("hs6");
                hhiAt = fields.IndexOf("export_hhi");
                exporterAt = fields.IndexOf("exporter");
                shareAt = fields.IndexOf("share_pct");
                if (hs6At < 0 || (hhiAt < 0 && (exporterAt < 0 || shareAt < 0)))
                    throw new InvalidDataException($"{path}: the header needs hs6 and export_hhi, or hs6, exporter and share_pct");
                continue;
            }
            var hs6 = hs6At < fields.Count ? fields[hs6At].Replace(".", "") : "";
            if (hs6.Length != 6 || !hs6.All(char.IsAsciiDigit)) { Skip("bad hs6"); continue; }
            if (hhiAt >= 0)
            {
                if (hhiAt >= fields.Count || !double.TryParse(fields[hhiAt], System.Globalization.CultureInfo.InvariantCulture, out var h) || h is < 0 or > 10_000)
                { Skip("bad export_hhi"); continue; }
                if (!hhi.TryAdd(hs6, h)) Skip("duplicate hs6");
            }
            else
            {
                if (Math.Max(exporterAt, shareAt) >= fields.Count || fields[exporterAt].Length == 0
                    || !double.TryParse(fields[shareAt], System.Globalization.CultureInfo.InvariantCulture, out var s) || s is < 0 or > 100)
                { Skip("bad exporter share"); continue; }
                if (!shares.TryGetValue(hs6, out var byExporter)) shares[hs6] = byExporter = new(StringComparer.Ordinal);
                byExporter[fields[exporterAt]] = byExporter.GetValueOrDefault(fields[exporterAt]) + s;
            }
        }
        foreach (var (hs6, byExporter) in shares) hhi[hs6] = Concentration.Hhi(byExporter.Values);
        var table = new ExportConcentrationTable(Path.GetFileName(path), hhi, highQuantile);
        return (table, new ImportReport(table.Source, hhi.Count, skipped.Values.Sum(), skipped));
    }
}
