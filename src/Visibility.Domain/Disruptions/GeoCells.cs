using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Disruptions;

/// <summary>
/// A coarse grid over the Earth (5° × 5°, 36 × 72 cells) for the disruption index: a shipment or a supplier site
/// registers with the cell it is in, and a hazard asks only the cells its area touches. 5° (≈ 550 km) keeps a ship's
/// cell changes to about one a day while an earthquake zone touches a handful of cells.
/// </summary>
public static class GeoCells
{
    public const double SizeDeg = 5;
    private const int Rows = (int)(180 / SizeDeg);
    private const int Columns = (int)(360 / SizeDeg);

    public static string KeyOf(GeoPoint p) => Key(Row(p.Lat), Column(GeoMath.NormalizeLon(p.Lon)));

    /// <summary>The cell as a number (row × columns + column): cheap to compare on every reading.</summary>
    public static int NumberOf(GeoPoint p) => Row(p.Lat) * Columns + Column(GeoMath.NormalizeLon(p.Lon));

    public static string KeyOfNumber(int number) => Key(number / Columns, number % Columns);

    /// <summary>The keys of every cell the boxes touch, each once.</summary>
    public static IReadOnlyList<string> Covering(IEnumerable<GeoBox> boxes)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var box in boxes)
            for (int r = Row(box.MinLat); r <= Row(box.MaxLat); r++)
                for (int c = Column(box.MinLon); c <= Column(box.MaxLon); c++)
                    keys.Add(Key(r, c));
        return keys.ToArray();
    }

    private static int Row(double lat) => Math.Clamp((int)Math.Floor((lat + 90) / SizeDeg), 0, Rows - 1);

    private static int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / SizeDeg), 0, Columns - 1);

    /// <summary>Interned: there are at most 2,592 cells, and every shipment grain holds the key of its own.</summary>
    private static string Key(int row, int column) => string.Intern($"cell:{row}:{column}");
}
