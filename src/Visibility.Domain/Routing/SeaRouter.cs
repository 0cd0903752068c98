using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// Shortest sea routes over a <see cref="SeaNetwork"/>: A* (great-circle heuristic) from a few candidate entry nodes near
/// the origin to a few exit nodes near the destination. Thread-safe: the network is immutable and each thread searches
/// in its own scratch arrays.
/// </summary>
public sealed class SeaRouter
{
    /// <summary>
    /// A point farther than this from any network node gets no sea route (an inland city is not a port). 300 km keeps
    /// every real port in reach of the 50–100 km marnet while refusing e.g. Madrid, Denver or Chengdu.
    /// </summary>
    public const double DefaultMaxSnapKm = 300;

    // The heuristic is shaved a hair below the true great-circle distance so rounding can never make it overestimate.
    private const double HeuristicScale = 0.9995;

    public SeaRouter(SeaNetwork network, double maxSnapKm = DefaultMaxSnapKm)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        MaxSnapKm = maxSnapKm;
    }

    public SeaNetwork Network { get; }

    public double MaxSnapKm { get; }

    /// <summary>
    /// The shortest route that avoids the named chokepoints (and the Arctic passages unless <paramref name="allowArctic"/>),
    /// or null when none exists: everything leads through an avoided passage, or an end is too far from the sea.
    /// </summary>
    /// <exception cref="ArgumentException">An avoided name is not a known chokepoint, or a point is not a valid coordinate.</exception>
    public SeaRoute? Route(GeoPoint from, GeoPoint to, IReadOnlyCollection<string>? avoid = null, bool allowArctic = false)
    {
        if (!GeoMath.IsValid(from.Lat, from.Lon)) throw new ArgumentException($"Invalid origin {from}.", nameof(from));
        if (!GeoMath.IsValid(to.Lat, to.Lon)) throw new ArgumentException($"Invalid destination {to}.", nameof(to));
        int avoidMask = Chokepoints.MaskOf(avoid) | (allowArctic ? 0 : Chokepoints.ArcticMask);

        var sources = Network.SnapCandidates(from, MaxSnapKm);
        var targets = Network.SnapCandidates(to, MaxSnapKm);
        if (sources.Count == 0 || targets.Count == 0) return null;

        var scratch = SearchScratch.Begin(Network.NodeCount);
        var (exitNode, totalKm) = Search(scratch, sources, targets, avoidMask);
        return exitNode < 0 ? null : BuildRoute(scratch, from, to, exitNode, totalKm);
    }

    private (int ExitNode, double TotalKm) Search(
        SearchScratch s, List<(int Node, double Km)> sources, List<(int Node, double Km)> targets, int avoidMask)
    {
        var nodes = Network.NodeVectors;
        var edges = Network.Edges;
        var targetVectors = targets.Select(t => (Vector: nodes[t.Node], t.Km)).ToArray();
        var exitLeg = targets.ToDictionary(t => t.Node, t => t.Km);

        // Admissible and consistent: no route from n can beat the great circle to some exit plus that exit's leg.
        double Heuristic(int n)
        {
            double best = double.PositiveInfinity;
            foreach (var (vector, leg) in targetVectors)
                best = Math.Min(best, nodes[n].DistanceKmTo(vector) + leg);
            return best * HeuristicScale;
        }

        var open = s.Open;
        foreach (var (node, km) in sources)
        {
            if (km >= s.CostOf(node)) continue;
            s.Set(node, km, -1);
            open.Enqueue((node, km), km + Heuristic(node));
        }

        int bestExit = -1;
        double bestTotal = double.PositiveInfinity;
        while (open.TryDequeue(out var item, out double estimate))
        {
            if (estimate >= bestTotal) break;
            var (u, cost) = item;
            if (cost > s.CostOf(u)) continue; // a stale entry: u was reached more cheaply since

            if (exitLeg.TryGetValue(u, out double leg) && cost + leg < bestTotal)
            {
                bestTotal = cost + leg;
                bestExit = u;
            }

            for (int arc = Network.FirstArc[u]; arc < Network.FirstArc[u + 1]; arc++)
            {
                ref readonly var edge = ref edges[Network.ArcEdge[arc]];
                if (((avoidMask >> edge.Pass) & 1) != 0) continue;
                int v = Network.ArcTarget[arc];
                double next = cost + edge.Km;
                if (next >= s.CostOf(v)) continue;
                s.Set(v, next, arc);
                open.Enqueue((v, next), next + Heuristic(v));
            }
        }
        return (bestExit, bestTotal);
    }

    private SeaRoute BuildRoute(SearchScratch s, GeoPoint from, GeoPoint to, int exitNode, double totalKm)
    {
        var nodesBackwards = new List<int>();
        var passesBackwards = new List<byte>();
        for (int n = exitNode; ; )
        {
            nodesBackwards.Add(n);
            int arc = s.ViaArc(n);
            if (arc < 0) break;
            var edge = Network.Edges[Network.ArcEdge[arc]];
            if (edge.Pass != 0) passesBackwards.Add(edge.Pass);
            n = edge.A == n ? edge.B : edge.A;
        }

        var path = new List<GeoPoint>(nodesBackwards.Count + 2) { Normalized(from) };
        for (int i = nodesBackwards.Count - 1; i >= 0; i--)
            path.Add(OnSideOf(Network.Nodes[nodesBackwards[i]], path[^1]));
        path.Add(Normalized(to));

        var passes = new List<string>();
        for (int i = passesBackwards.Count - 1; i >= 0; i--)
        {
            var name = Chokepoints.ById(passesBackwards[i]).Name;
            if (!passes.Contains(name)) passes.Add(name);
        }
        return new SeaRoute(totalKm, path, passes);
    }

    private static GeoPoint Normalized(GeoPoint p) => p with { Lon = GeoMath.NormalizeLon(p.Lon) };

    /// <summary>A node on the seam is stored at +180; show it on the side the path arrives from (±180 are one place).</summary>
    private static GeoPoint OnSideOf(GeoPoint node, GeoPoint previous) =>
        Math.Abs(node.Lon) == 180 && previous.Lon < 0 ? node with { Lon = -180 } : node;
}
