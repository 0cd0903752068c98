using System.Globalization;

namespace Visibility.Benchmarks.Report;

/// <summary>The printed report: one block per phase, aligned "label: value" lines, invariant number formats.</summary>
public static class Out
{
    public static void Block(string title)
    {
        System.Console.WriteLine();
        System.Console.WriteLine($"── {title} " + new string('─', Math.Max(4, 96 - title.Length)));
    }

    public static void Line(string label, FormattableString value) =>
        System.Console.WriteLine($"  {label,-34} {value.ToString(CultureInfo.InvariantCulture)}");

    public static void Note(string text) => System.Console.WriteLine($"  {text}");

    public static void Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines) Note(line);
    }

    /// <summary>Checkpoints, warnings and errors the host logged during the phase (the first few; all are in its log).</summary>
    public static void HostLog(IReadOnlyList<string> lines)
    {
        const int Shown = 6;
        foreach (var line in lines.Take(Shown)) Note($"host log: {(line.Length > 150 ? line[..150] + "…" : line)}");
        if (lines.Count > Shown) Note($"host log: … {lines.Count - Shown} more warnings/checkpoints (see the log file)");
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
