namespace Visibility.Domain.Routing;

/// <summary>
/// Per-thread working arrays for one route search. Reused across searches (a stamp marks which entries belong to the
/// current search, so nothing is cleared), which keeps a query allocation-light even with many concurrent callers.
/// Route searches are synchronous, so a thread never runs two at once.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic] private static SearchScratch? _current;

    private int[] _stamp = [];
    private double[] _cost = [];
    private int[] _viaArc = [];
    private int _search;

    /// <summary>The open set: (node, cost when queued) by estimated total. A binary-style d-ary heap from the BCL.</summary>
    public PriorityQueue<(int Node, double Cost), double> Open { get; } = new();

    /// <summary>The calling thread's scratch, sized for the network and reset for a new search.</summary>
    public static SearchScratch Begin(int nodeCount)
    {
        var s = _current ??= new SearchScratch();
        if (s._stamp.Length < nodeCount)
        {
            s._stamp = new int[nodeCount];
            s._cost = new double[nodeCount];
            s._viaArc = new int[nodeCount];
            s._search = 0;
        }
        if (++s._search == int.MaxValue)
        {
            Array.Clear(s._stamp);
            s._search = 1;
        }
        s.Open.Clear();
        return s;
    }

    /// <summary>Cost so far to reach a node (infinity when not reached in this search).</summary>
    public double CostOf(int node) => _stamp[node] == _search ? _cost[node] : double.PositiveInfinity;

    /// <summary>The arc a node was reached by; -1 for an entry node.</summary>
    public int ViaArc(int node) => _viaArc[node];

    public void Set(int node, double cost, int viaArc)
    {
        _stamp[node] = _search;
        _cost[node] = cost;
        _viaArc[node] = viaArc;
    }
}
