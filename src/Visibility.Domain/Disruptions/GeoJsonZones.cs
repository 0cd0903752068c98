using System.Text.Json;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Disruptions;

/// <summary>
/// Reads a zone drawn as a GeoJSON Polygon or MultiPolygon geometry (RFC 7946: [lon, lat] positions, rings closed, the
/// first ring outer and the others holes). Bounded so a request cannot hand the index a continent of vertices.
/// </summary>
public static class GeoJsonZones
{
    public const int MaxPolygons = 50;
    public const int MaxVertices = 10_000;

    public static bool TryParse(JsonElement geometry, out ZoneGeometry? zone, out string error)
    {
        zone = null;
        error = "";
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            error = "must be a GeoJSON geometry { type: Polygon | MultiPolygon, coordinates }";
            return false;
        }
        var polygons = new List<GeoPoint[][]>();
        int vertices = 0;
        switch (type.GetString())
        {
            case "Polygon":
                if (!TryPolygon(coordinates, polygons, ref vertices, out error)) return false;
                break;
            case "MultiPolygon":
                if (coordinates.GetArrayLength() is 0 or > MaxPolygons) { error = $"a MultiPolygon needs 1 to {MaxPolygons} polygons"; return false; }
                foreach (var polygon in coordinates.EnumerateArray())
                    if (!TryPolygon(polygon, polygons, ref vertices, out error)) return false;
                break;
            default:
                error = "type must be Polygon or MultiPolygon";
                return false;
        }
        zone = ZoneGeometry.FromPolygons([.. polygons]);
        return true;
    }

    private static bool TryPolygon(JsonElement polygon, List<GeoPoint[][]> polygons, ref int vertices, out string error)
    {
        error = "";
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0) { error = "a polygon is an array of rings"; return false; }
        var rings = new List<GeoPoint[]>();
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4) { error = "a ring needs at least 4 positions (closed)"; return false; }
            vertices += ring.GetArrayLength();
            if (vertices > MaxVertices) { error = $"at most {MaxVertices:N0} positions"; return false; }
            var points = new List<GeoPoint>();
            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                    || !position[0].TryGetDouble(out double lon) || !position[1].TryGetDouble(out double lat))
                { error = "a position is [lon, lat]"; return false; }
                // Longitudes up to ±540 are accepted so a ring can be written continuously across the seam (170 … 190).
                if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -540 or > 540)
                { error = "lat must be within ±90 and lon within ±180 (±540 across the seam)"; return false; }
                points.Add(new GeoPoint(lat, lon));
            }
            if (points[0] != points[^1]) { error = "a ring must be closed (last position = first)"; return false; }
            rings.Add([.. points]);
        }
        polygons.Add([.. rings]);
        return true;
    }
}
