namespace Visibility.Domain.Routing;

/// <summary>Nearest-point geometry between a point and a great-circle arc, shared by route projection and simplification.</summary>
internal static class SphericalSegment
{
    /// <summary>Distance from p to the arc a→b, and how far from a along the arc the nearest point lies (km).</summary>
    public static (double CrossKm, double AlongKm) Nearest(UnitVector p, UnitVector a, UnitVector b)
    {
        var normal = a.Cross(b);
        if (normal.Length > 1e-12)
        {
            normal = normal.Normalized();
            // Foot of the perpendicular on the arc's great circle; it counts only if it falls between a and b.
            var inPlane = p.Minus(normal.Scale(p.Dot(normal)));
            var foot = inPlane.Normalized();
            // (A point at the circle's pole, 90° from everything on it, has no foot: the nearer end decides.)
            if (inPlane.Length > 1e-12 && a.Cross(foot).Dot(normal) >= 0 && foot.Cross(b).Dot(normal) >= 0)
                return (p.DistanceKmTo(foot), a.DistanceKmTo(foot));
        }
        double toA = p.DistanceKmTo(a), toB = p.DistanceKmTo(b);
        return toA <= toB ? (toA, 0) : (toB, a.DistanceKmTo(b));
    }
}
