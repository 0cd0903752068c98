namespace Visibility.Domain.Routing;

/// <summary>The transport modes a <see cref="RoutePlanner"/> understands (compared case-insensitively).</summary>
public static class TransportModes
{
    public const string Ocean = "ocean";
    public const string Air = "air";
    public const string Truck = "truck";

    public static IReadOnlyList<string> All { get; } = [Ocean, Air, Truck];

    /// <summary>The canonical lower-case mode name.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static string Normalize(string mode) =>
        All.FirstOrDefault(m => string.Equals(m, mode?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown transport mode '{mode}'. Known: {string.Join(", ", All)}.", nameof(mode));
}
