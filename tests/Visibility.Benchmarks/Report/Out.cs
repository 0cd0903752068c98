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

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
