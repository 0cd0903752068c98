// TEMPORARY compile stubs for the locations and routing work landing from parallel branches. Deleted on merge.
using Visibility.Domain.Geo;
namespace Visibility.Domain.Routing
{
    public sealed record SeaRoute(double DistanceKm, IReadOnlyList<GeoPoint> Path, IReadOnlyList<string> Passes);
    public sealed record PlannedRoute(string Mode, double DistanceKm, IReadOnlyList<GeoPoint> Path, IReadOnlyList<string> Passes);
    public readonly record struct RouteProjection(double AlongKm, double CrossTrackKm, int Segment);
    public sealed class SeaNetwork
    {
        public int NodeCount => 0; public int EdgeCount => 0; public string Source => "";
        public static SeaNetwork LoadGeoJson(string path) => new();
        public static SeaNetwork? LoadDefault(string? dataPath, string? fallbackFile) => null;
    }
    public sealed class SeaRouter
    {
        public SeaRouter(SeaNetwork network) { }
        public SeaRoute? Route(GeoPoint from, GeoPoint to, IReadOnlyCollection<string>? avoid = null) => null;
    }
    public sealed record Chokepoint(string Name, string DisplayName, double Lat, double Lon);
    public static class Chokepoints
    {
        public static IReadOnlyList<Chokepoint> All => [];
        public static bool IsKnown(string name) => false;
    }
    public sealed class RoutePlanner
    {
        public RoutePlanner(SeaRouter? router) { }
        public PlannedRoute? Plan(string mode, GeoPoint from, GeoPoint to, IReadOnlyCollection<string>? avoid = null) => null;
    }
    public sealed class RouteGeometry
    {
        public RouteGeometry(IReadOnlyList<GeoPoint> path) { Path = path; }
        public IReadOnlyList<GeoPoint> Path { get; }
        public double TotalKm => 0;
        public GeoPoint PointAt(double alongKm) => default;
        public double HeadingAt(double alongKm) => 0;
        public RouteProjection Project(GeoPoint p, int hintSegment = -1) => default;
    }
    public static class SeaLanes
    {
        public static IReadOnlyList<IReadOnlyList<GeoPoint>> ForDisplay(SeaNetwork network) => [];
    }
}
