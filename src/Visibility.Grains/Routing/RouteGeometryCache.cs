using System.Runtime.CompilerServices;
using Visibility.Domain.Routing;

namespace Visibility.Grains.Routing;

/// <summary>
/// One <see cref="RouteGeometry"/> per planned route instance. The planner caches routes per lane, so the hundreds of
/// shipments on CNSHA→USLAX share one geometry instead of holding a copy each (memory per grain matters at 10,000).
/// </summary>
public sealed class RouteGeometryCache
{
    private readonly ConditionalWeakTable<PlannedRoute, RouteGeometry> _geometries = new();

    public RouteGeometry For(PlannedRoute route) => _geometries.GetValue(route, r => new RouteGeometry(r.Path));
}
