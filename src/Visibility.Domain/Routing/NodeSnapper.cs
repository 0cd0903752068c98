using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// Turns coordinates into shared graph nodes: vertices closer than <see cref="ToleranceDeg"/> on both axes become one
/// node, so lines that meet "at the same point" (up to rounding in the file) are connected. Longitude −180 is folded onto
/// +180 first: marnet cuts every Pacific lane at the antimeridian, and without this merge no route crosses it.
/// </summary>
internal sealed class NodeSnapper
{
    /// <summary>About 110 m: far above the files' 5-decimal rounding, far below the network's 20–100 km resolution.</summary>
    public const double ToleranceDeg = 0.001;

    private readonly Dictionary<(long X, long Y), int> _nodeByCell = new();

    public List<GeoPoint> Nodes { get; } = new();

    /// <summary>Vertices that landed on an existing node other than the exact same coordinate.</summary>
    public int MergedNearby { get; private set; }

    public int Snap(GeoPoint p)
    {
        double lon = p.Lon <= -180 + ToleranceDeg ? p.Lon + 360 : p.Lon;
        long cx = (long)Math.Floor(lon / ToleranceDeg), cy = (long)Math.Floor(p.Lat / ToleranceDeg);
        for (long dx = -1; dx <= 1; dx++)
        for (long dy = -1; dy <= 1; dy++)
        {
            if (!_nodeByCell.TryGetValue((cx + dx, cy + dy), out int id)) continue;
            var n = Nodes[id];
            double nodeLon = n.Lon <= -180 + ToleranceDeg ? n.Lon + 360 : n.Lon;
            if (Math.Abs(nodeLon - lon) <= ToleranceDeg && Math.Abs(n.Lat - p.Lat) <= ToleranceDeg)
            {
                if (n != p) MergedNearby++;
                return id;
            }
        }

        int newId = Nodes.Count;
        Nodes.Add(new GeoPoint(p.Lat, GeoMath.NormalizeLon(lon)));
        _nodeByCell[(cx, cy)] = newId;
        return newId;
    }
}
