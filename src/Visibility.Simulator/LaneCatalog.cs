namespace Visibility.Simulator;

/// <summary>
/// One trade lane of the story. Origin and destination list UN/LOCODEs in order of preference: the first
/// the location catalog knows is used (air lanes name the airport first, then the city, e.g. CNPVG then CNSHA).
/// </summary>
/// <param name="Weight">Relative share of voyages on this lane.</param>
/// <param name="FactoryId">The demo factory the cargo feeds, or null when the network has none there (Europe).</param>
/// <param name="Story">Which side of the rebalancing the lane belongs to, for logs and tests.</param>
public sealed record Lane(
    TransportMode Mode,
    IReadOnlyList<string> Origins,
    IReadOnlyList<string> Destinations,
    double Weight,
    string? FactoryId,
    LaneStory Story)
{
    public string Name => $"{Origins[0]}->{Destinations[0]} ({Mode.ToWire()})";
}

/// <summary>The "China+1" reading of a lane: where the goods come from.</summary>
public enum LaneStory { China, Asean, TaiwanKorea, Mexico, UnitedStates }

/// <summary>A lane whose codes the API knows: the codes actually used.</summary>
public sealed record ResolvedLane(Lane Lane, string Origin, string Destination)
{
    public TransportMode Mode => Lane.Mode;
    public override string ToString() => $"{Origin}->{Destination} ({Mode.ToWire()})";
}

/// <summary>
/// The lanes of the China+1 rebalancing story (see docs/domain.md): China still carries the largest share,
/// while Vietnam, Thailand, Malaysia, Indonesia and Mexico take a visible part. Weights are relative;
/// roughly: China ~55 %, ASEAN ~25 %, Taiwan/Korea ~10 %, Mexico near-shoring legs ~10 %.
/// Factory ids match the demo network: F-MTY Monterrey, F-GDL Guadalajara, F-HCM Ho Chi Minh City,
/// F-BKK Ayutthaya/Bangkok, F-PEN Penang, F-AUS Austin.
/// </summary>
public static class LaneCatalog
{
    private static Lane Ocean(string from, string to, double w, string? factory, LaneStory story) =>
        new(TransportMode.Ocean, [from], [to], w, factory, story);

    private static Lane Air(string[] from, string[] to, double w, string? factory, LaneStory story) =>
        new(TransportMode.Air, from, to, w, factory, story);

    private static Lane Truck(string[] from, string[] to, double w, string? factory, LaneStory story) =>
        new(TransportMode.Truck, from, to, w, factory, story);

    public static IReadOnlyList<Lane> All { get; } =
    [
        // China -> US: still the biggest flow (transpacific to the West Coast, Panama/Suez to the East and Gulf).
        Ocean("CNSHA", "USLAX", 9, "F-AUS", LaneStory.China),
        Ocean("CNSHA", "USLGB", 6, "F-AUS", LaneStory.China),
        Ocean("CNNGB", "USLGB", 5, "F-AUS", LaneStory.China),
        new(TransportMode.Ocean, ["CNYTN", "CNSZX"], ["USLAX"], 6, "F-AUS", LaneStory.China),
        Ocean("CNTAO", "USSEA", 3, "F-AUS", LaneStory.China),
        Ocean("HKHKG", "USOAK", 2, "F-AUS", LaneStory.China),
        Ocean("CNNGB", "USSAV", 3, "F-AUS", LaneStory.China),
        Ocean("CNSHA", "USNYC", 3, "F-AUS", LaneStory.China),
        new(TransportMode.Ocean, ["CNYTN", "CNSZX"], ["USHOU"], 2, "F-AUS", LaneStory.China),

        // China -> Mexico and Europe.
        Ocean("CNSHA", "MXZLO", 4, "F-GDL", LaneStory.China),
        new(TransportMode.Ocean, ["CNYTN", "CNSZX"], ["MXLZC"], 2, "F-GDL", LaneStory.China),
        Ocean("CNNGB", "MXVER", 1, "F-MTY", LaneStory.China),
        Ocean("CNSHA", "NLRTM", 4, null, LaneStory.China),
        Ocean("CNNGB", "DEHAM", 2, null, LaneStory.China),
        new(TransportMode.Ocean, ["CNYTN", "CNSZX"], ["BEANR"], 2, null, LaneStory.China),

        // China feeding the "+1" assembly plants: components still come from China.
        new(TransportMode.Ocean, ["CNYTN", "CNSZX"], ["VNCMT", "VNSGN"], 3, "F-HCM", LaneStory.China),
        Ocean("CNSHA", "THLCH", 2, "F-BKK", LaneStory.China),
        Ocean("CNSHA", "MYPEN", 1, "F-PEN", LaneStory.China),

        // ASEAN -> US, Mexico and Europe: the growing side of the rebalancing.
        new(TransportMode.Ocean, ["VNCMT", "VNSGN"], ["USLGB"], 5, "F-AUS", LaneStory.Asean),
        Ocean("VNHPH", "USLAX", 3, "F-AUS", LaneStory.Asean),
        new(TransportMode.Ocean, ["VNCMT", "VNSGN"], ["USSAV"], 2, "F-AUS", LaneStory.Asean),
        new(TransportMode.Ocean, ["VNCMT", "VNSGN"], ["MXZLO"], 1, "F-GDL", LaneStory.Asean),
        new(TransportMode.Ocean, ["VNCMT", "VNSGN"], ["NLRTM"], 2, null, LaneStory.Asean),
        Ocean("THLCH", "USLAX", 3, "F-AUS", LaneStory.Asean),
        Ocean("THLCH", "USNYC", 1, "F-AUS", LaneStory.Asean),
        Ocean("THLCH", "DEHAM", 1, null, LaneStory.Asean),
        Ocean("MYPKG", "USLAX", 2, "F-AUS", LaneStory.Asean),
        Ocean("MYPEN", "USLGB", 1, "F-AUS", LaneStory.Asean),
        Ocean("MYTPP", "USSAV", 1, "F-AUS", LaneStory.Asean),
        Ocean("MYTPP", "GBFXT", 1, null, LaneStory.Asean),
        Ocean("IDJKT", "USLAX", 1, "F-AUS", LaneStory.Asean),
        Ocean("IDSUB", "USLGB", 1, "F-AUS", LaneStory.Asean),

        // Taiwan and Korea: semiconductors and displays to the US, Mexico and ASEAN.
        Ocean("TWKHH", "USLAX", 3, "F-AUS", LaneStory.TaiwanKorea),
        Ocean("KRPUS", "USSEA", 2, "F-AUS", LaneStory.TaiwanKorea),
        Ocean("KRPUS", "USLGB", 2, "F-AUS", LaneStory.TaiwanKorea),
        Ocean("KRPUS", "MXZLO", 2, "F-GDL", LaneStory.TaiwanKorea),
        Ocean("TWKHH", "MXZLO", 1, "F-GDL", LaneStory.TaiwanKorea),
        Ocean("TWKHH", "MYPEN", 1, "F-PEN", LaneStory.TaiwanKorea),

        // Air: urgent chips and displays; airport codes first, the city's UN/LOCODE as fallback.
        Air(["CNPVG", "CNSHA"], ["USLAX"], 2, "F-AUS", LaneStory.China),
        Air(["CNPVG", "CNSHA"], ["USAUS"], 1, "F-AUS", LaneStory.China),
        Air(["CNPVG", "CNSHA"], ["DEFRA"], 1, null, LaneStory.China),
        Air(["HKHKG"], ["USANC"], 1, "F-AUS", LaneStory.China),
        Air(["HKHKG"], ["MXGDL"], 1, "F-GDL", LaneStory.China),
        Air(["TWTYN", "TWTPE"], ["USLAX"], 1, "F-AUS", LaneStory.TaiwanKorea),
        Air(["TWTYN", "TWTPE"], ["MXGDL"], 1, "F-GDL", LaneStory.TaiwanKorea),

        // Truck: US-Mexico near-shoring legs and port-to-plant drayage in ASEAN.
        Truck(["USLRD"], ["MXMTY"], 2, "F-MTY", LaneStory.UnitedStates),
        Truck(["MXMTY"], ["USAUS"], 1, "F-AUS", LaneStory.Mexico),
        Truck(["MXZLO"], ["MXGDL"], 2, "F-GDL", LaneStory.Mexico),
        Truck(["MXLZC"], ["MXGDL"], 1, "F-GDL", LaneStory.Mexico),
        Truck(["THLCH"], ["THAYU", "THBKK"], 1, "F-BKK", LaneStory.Asean),
        Truck(["MYPKG"], ["MYPEN"], 1, "F-PEN", LaneStory.Asean),
        Truck(["VNCMT"], ["VNSGN"], 1, "F-HCM", LaneStory.Asean),
    ];

    /// <summary>Every code any lane may use, for the up-front catalog check.</summary>
    public static IEnumerable<string> AllCodes(IEnumerable<Lane> lanes) =>
        lanes.SelectMany(l => l.Origins.Concat(l.Destinations)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Keeps the lanes whose origin and destination the catalog knows (first known code of each list);
    /// the rest are returned as skipped so the caller can log them.
    /// </summary>
    public static (IReadOnlyList<ResolvedLane> Usable, IReadOnlyList<(Lane Lane, string Missing)> Skipped) Resolve(
        IEnumerable<Lane> lanes, Func<string, bool> isKnown)
    {
        var usable = new List<ResolvedLane>();
        var skipped = new List<(Lane, string)>();
        foreach (var lane in lanes)
        {
            string? from = lane.Origins.FirstOrDefault(isKnown);
            string? to = lane.Destinations.FirstOrDefault(isKnown);
            if (from is null) skipped.Add((lane, string.Join("/", lane.Origins)));
            else if (to is null) skipped.Add((lane, string.Join("/", lane.Destinations)));
            else usable.Add(new ResolvedLane(lane, from, to));
        }
        return (usable, skipped);
    }

    /// <summary>Weighted pick: u in [0,1) maps onto the cumulative weights.</summary>
    public static ResolvedLane Pick(IReadOnlyList<ResolvedLane> lanes, double u)
    {
        if (lanes.Count == 0) throw new InvalidOperationException("no usable lane");
        double total = lanes.Sum(l => l.Lane.Weight), target = u * total, acc = 0;
        foreach (var lane in lanes)
        {
            acc += lane.Lane.Weight;
            if (target < acc) return lane;
        }
        return lanes[^1];
    }
}
